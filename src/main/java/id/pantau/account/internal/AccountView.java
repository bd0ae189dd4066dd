package id.pantau.account.internal;

import java.time.Instant;
import java.util.List;

import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/** An account as the API and the admin pages show it: never the password hash. */
record AccountView(long id, String username, @Nullable String displayName, List<Role> roles,
                   @Nullable RegionCode regionCode, boolean enabled, Instant createdAt) {
}
