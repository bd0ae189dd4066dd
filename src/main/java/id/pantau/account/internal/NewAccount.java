package id.pantau.account.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A request to create an account. A blank {@code regionCode} makes a national account. */
record NewAccount(@Nullable String username, @Nullable String password, @Nullable List<String> roles,
                  @Nullable String regionCode, @Nullable String displayName) {
}
