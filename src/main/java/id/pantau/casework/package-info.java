/**
 * The legal handling of a report, finding or incident (penanganan pelanggaran): preliminary
 * review, completion, registration with a register number, clarification, review, plenary
 * decision, outcome and referral, each step under its statutory deadline, in region-scoped
 * queues of the Bawaslu offices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case handling",
        allowedDependencies = {"region", "account", "election", "report", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.casework;
