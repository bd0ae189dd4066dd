/**
 * The legal frame of an election: elections (Pemilu, Pilkada) and the regions they cover, the
 * rule set of each election type, and the calendar of working days that the law's deadlines are
 * counted in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elections and legal calendar",
        allowedDependencies = {"region", "account", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.election;
