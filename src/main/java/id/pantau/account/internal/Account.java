package id.pantau.account.internal;

import java.time.Instant;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/** A stored account. Never leaves the module: the API shows {@link AccountView}. */
record Account(long id, String username, @Nullable String displayName, String passwordHash, Set<Role> roles,
               @Nullable RegionCode regionCode, boolean enabled, Instant createdAt, @Nullable String createdBy) {

    Actor actor() {
        return new Actor(id, username, roles, regionCode);
    }

    AccountView view() {
        return new AccountView(id, username, displayName, roles.stream().sorted().toList(), regionCode, enabled, createdAt);
    }
}
