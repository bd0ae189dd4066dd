package id.pantau.account.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security keeps it. Plain fields only: it is serialised into
 * the session table, and the module's API types need not be serialisable for that.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private @Nullable String passwordHash;
    private final List<String> roles;
    private final @Nullable String regionCode;
    private final boolean enabled;

    private AccountPrincipal(Account account) {
        this.id = account.id();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.roles = account.roles().stream().map(Role::name).sorted().toList();
        this.regionCode = account.regionCode() == null ? null : account.regionCode().value();
        this.enabled = account.enabled();
    }

    static AccountPrincipal of(Account account) {
        return new AccountPrincipal(account);
    }

    Actor actor() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> set.add(Role.valueOf(r)));
        return new Actor(id, username, set, regionCode == null ? null : new RegionCode(regionCode));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(Role.valueOf(r).authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
