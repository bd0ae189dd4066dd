package id.pantau.region;

import org.jspecify.annotations.Nullable;

/**
 * The regions that contain a point. The district is absent when the point falls in a regency
 * but in no district polygon (a gap of the simplified boundaries, e.g. on a coast).
 */
public record RegionLocation(Region province, Region regency, @Nullable Region district) {
}
