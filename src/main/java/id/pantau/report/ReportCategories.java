package id.pantau.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.report.internal.Taxonomy;
import org.springframework.stereotype.Service;

/**
 * The report module's API for its taxonomy: the report types (the top level of the categories,
 * which statistics count by) with their labels, for modules that map or label them.
 */
@Service
public class ReportCategories {

    /** A report type: its code, whether it is a violation, a hazard or other, and its label. */
    public record ReportType(String code, String kind, String label) {
    }

    private final Taxonomy taxonomy;

    ReportCategories(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The report types in the taxonomy's order, labelled in the language (Indonesian unless English). */
    public List<ReportType> types(Locale locale) {
        return taxonomy.reportTypes(locale);
    }

    /** Every category code (types, subtypes and acts) with its label in the language. */
    public Map<String, String> labels(Locale locale) {
        return taxonomy.labels(locale);
    }
}
