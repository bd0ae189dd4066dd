package id.pantau.network.internal;

import java.util.regex.Pattern;

import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a volunteer's fields, shared by the sign-up, edits and the CSV import. Each adds
 * its violations under the given field name and returns the clean value, or null.
 */
final class VolunteerRules {

    /** Indonesian numbers as people write them: 0812..., +62812..., 62812..., with spaces or hyphens. */
    private static final Pattern PHONE = Pattern.compile("0[1-9][0-9]{7,12}");

    private VolunteerRules() {
    }

    static @Nullable String name(@Nullable String raw, String field, Violations violations) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            violations.add(field, "required", "is required");
            return null;
        }
        return violations.check(name.length() >= 2 && name.length() <= 120, field, "name.length",
                "must be 2 to 120 characters") ? name : null;
    }

    /** The number in its national form, 08123456789. */
    static @Nullable String phone(@Nullable String raw, String field, Violations violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(field, "required", "is required");
            return null;
        }
        String phone = raw.strip().replaceAll("[\\s().-]", "");
        if (phone.startsWith("+62")) {
            phone = "0" + phone.substring(3);
        } else if (phone.startsWith("62")) {
            phone = "0" + phone.substring(2);
        }
        return violations.check(PHONE.matcher(phone).matches(), field, "phone.invalid",
                "must be an Indonesian phone number such as 081234567890") ? phone : null;
    }

    /** An existing region, at least a regency (a volunteer belongs somewhere a coordinator works). */
    static @Nullable RegionCode region(@Nullable String raw, String field, Regions regions, Violations violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(field, "required", "is required");
            return null;
        }
        if (!RegionCode.isValid(raw)) {
            violations.add(field, "regionCode.format", "must be a region code such as 35.09 or 35.09.01.2001");
            return null;
        }
        RegionCode region = RegionCode.parse(raw);
        if (!regions.exists(region)) {
            violations.add(field, "regionCode.unknown", "region " + region + " does not exist");
            return null;
        }
        if (region.value().length() < 5) {
            violations.add(field, "regionCode.tooBroad", "must be a regency or city or below, not a province");
            return null;
        }
        return region;
    }
}
