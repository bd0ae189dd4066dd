package id.pantau.account.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A partial update of an account: absent (null) fields stay as they are. {@code regionCode}
 * {@code ""} makes the account national.
 */
record AccountChanges(@Nullable String displayName, @Nullable List<String> roles, @Nullable String regionCode,
                      @Nullable Boolean enabled, @Nullable String password) {
}
