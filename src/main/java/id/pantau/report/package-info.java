/**
 * Intake of what people see: reports (laporan), supervisors' findings (temuan) and initial
 * information (informasi awal), from the web form, the API and text messages; evidence files;
 * the reporter's identity kept apart and encrypted; public tracking codes; near-duplicate
 * reports grouped into incidents. Publishes {@link id.pantau.report.ReportSubmitted} and
 * {@link id.pantau.report.IncidentChanged} for the modules that act on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report intake",
        allowedDependencies = {"region", "account", "election", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.report;
