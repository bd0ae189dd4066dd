package id.pantau.account;

import java.util.Set;

import id.pantau.region.RegionCode;
import id.pantau.shared.OutOfScopeException;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in account on whose behalf a request runs. Controllers of any module receive it as
 * a method parameter.
 */
public record Actor(long id, String username, Set<Role> roles, @Nullable RegionCode homeRegion) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public RegionScope scope() {
        return new RegionScope(homeRegion);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean mayActOn(@Nullable RegionCode region) {
        return scope().permits(region);
    }

    /** Throws the 403 of an out-of-scope request unless this actor may act on {@code region}. */
    public void requireScope(@Nullable RegionCode region) {
        if (!mayActOn(region)) {
            throw new OutOfScopeException(region == null
                    ? "Only national accounts may act on national records"
                    : "Region " + region + " is outside your region " + homeRegion);
        }
    }

    /** Throws a 403 unless this actor has one of the roles. */
    public void requireRole(Role... wanted) {
        if (!hasAny(wanted)) {
            throw new OutOfScopeException("This needs one of the roles " + java.util.Arrays.toString(wanted));
        }
    }
}
