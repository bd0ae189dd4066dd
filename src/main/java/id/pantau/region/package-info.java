/**
 * The official Kemendagri region hierarchy (provinces, regencies/cities, districts, villages),
 * each province's time zone, boundaries for maps and point-to-region lookup. A region code's
 * prefix is its ancestry, so "is X inside Y" is a prefix check ({@link id.pantau.region.RegionCode#contains}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package id.pantau.region;
