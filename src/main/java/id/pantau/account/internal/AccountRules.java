package id.pantau.account.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;

/** The validation rules of account fields; each adds its violations to a shared collector. */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes; a longer password would silently be cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private AccountRules() {
    }

    static @Nullable String username(@Nullable String raw, Violations violations) {
        if (raw == null || raw.isBlank()) {
            violations.add("username", "required", "is required");
            return null;
        }
        String username = raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            violations.add("username", "username.format",
                    "must be 3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return username;
    }

    static @Nullable String password(@Nullable String password, Violations violations) {
        if (password == null || password.isEmpty()) {
            violations.add("password", "required", "is required");
            return null;
        }
        if (password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            violations.add("password", "password.length",
                    "must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES + " bytes");
            return null;
        }
        return password;
    }

    static @Nullable Set<Role> roles(@Nullable List<String> names, Violations violations) {
        if (names == null || names.isEmpty()) {
            violations.add("roles", "required", "needs at least one of " + List.of(Role.values()));
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add("roles", "roles.unknown", "'" + name + "' is not one of " + List.of(Role.values()));
                return null;
            }
        }
        return roles;
    }

    /** A blank region means national. Existence is checked by the caller, which knows the regions. */
    static @Nullable RegionCode region(@Nullable String raw, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!RegionCode.isValid(raw)) {
            violations.add("regionCode", "regionCode.format", "must be a region code such as 35 or 35.09");
            return null;
        }
        return RegionCode.parse(raw);
    }

    static @Nullable String displayName(@Nullable String raw, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        violations.check(raw.strip().length() <= 120, "displayName", "displayName.length", "must be at most 120 characters");
        return raw.strip();
    }
}
