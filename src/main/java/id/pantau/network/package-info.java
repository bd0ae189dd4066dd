/**
 * The participation network (PRODUCT.md §1–§3): Bawaslu's partners and its agreements with them
 * (MoUs, from penjajakan to expiry), monitoring teams (tim pemantau), volunteers and cadres,
 * activities, and what each partner and team contributes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation network",
        allowedDependencies = {"region", "account", "report", "shared"})
@org.jspecify.annotations.NullMarked
package id.pantau.network;
