package id.pantau.report.internal;

import java.util.List;

import id.pantau.report.internal.ReportRequest.Reporter;
import id.pantau.report.internal.ReportRequest.Witness;
import org.jspecify.annotations.Nullable;

/**
 * What is sealed apart from the report: the reporter's identity and the witnesses. Masked for
 * display unless a member of staff asks to see it, which is audited.
 */
record ReporterIdentity(@Nullable Reporter reporter, List<Witness> witnesses) {

    ReporterIdentity masked() {
        Reporter masked = reporter == null ? null : new Reporter(Masking.name(reporter.name()),
                reporter.nik() == null ? null : Masking.nik(reporter.nik()), Masking.phone(reporter.phone()),
                Masking.email(reporter.email()), reporter.address() == null ? null : "***");
        return new ReporterIdentity(masked, witnesses.stream()
                .map(w -> new Witness(Masking.name(w.name()), Masking.contact(w.contact()))).toList());
    }
}
