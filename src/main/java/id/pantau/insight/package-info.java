/**
 * Statistics and dashboards for staff: reports, incidents and cases by category, status, region
 * and time from indexed rollups; casework deadline compliance; early warning of regions whose
 * incident counts surge above their own baseline, and hazard alerts to partner agencies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"region", "account", "report", "casework", "network", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.insight;
