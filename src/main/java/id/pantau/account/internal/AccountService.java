package id.pantau.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.RegionScope;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.OutOfScopeException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing accounts. Administrators and staff manage accounts inside their own
 * region's subtree; only administrators grant or touch the ADMIN role.
 */
@Service
@Transactional
class AccountService {

    private final AccountRepository accounts;
    private final Regions regions;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final AccessRevocation revocation;

    AccountService(AccountRepository accounts, Regions regions, PasswordEncoder passwords, AuditTrail audit,
                   AccessRevocation revocation) {
        this.accounts = accounts;
        this.regions = regions;
        this.passwords = passwords;
        this.audit = audit;
        this.revocation = revocation;
    }

    AccountView create(Actor by, NewAccount request) {
        by.requireRole(Role.ADMIN, Role.STAFF);
        var violations = new Violations();
        String username = AccountRules.username(request.username(), violations);
        String password = AccountRules.password(request.password(), violations);
        Set<Role> roles = AccountRules.roles(request.roles(), violations);
        RegionCode region = existingRegion(request.regionCode(), violations);
        String displayName = AccountRules.displayName(request.displayName(), violations);
        violations.throwIfAny();
        requireMayAssign(by, region, Objects.requireNonNull(roles));

        long id = accounts.insert(Objects.requireNonNull(username), displayName, passwords.encode(password), roles,
                        region, by.username())
                .orElseThrow(() -> new ConflictException(
                        new FieldViolation("username", "username.taken", "'" + username + "' is already taken")));
        audit.record(by.username(), "ACCOUNT_CREATED", "account:" + id,
                Map.of("username", username, "roles", roles, "regionCode", regionText(region)));
        return load(id).view();
    }

    AccountView update(Actor by, long id, AccountChanges changes) {
        by.requireRole(Role.ADMIN, Role.STAFF);
        Account current = load(id);
        by.requireScope(current.regionCode());
        if (current.roles().contains(Role.ADMIN) && !by.has(Role.ADMIN)) {
            throw new OutOfScopeException("Only administrators may change an administrator's account");
        }
        var violations = new Violations();
        Set<Role> roles = changes.roles() == null ? current.roles() : AccountRules.roles(changes.roles(), violations);
        RegionCode region = changes.regionCode() == null ? current.regionCode()
                : existingRegion(changes.regionCode(), violations);
        String displayName = changes.displayName() == null ? current.displayName()
                : AccountRules.displayName(changes.displayName(), violations);
        String password = changes.password() == null ? null : AccountRules.password(changes.password(), violations);
        violations.throwIfAny();
        requireMayAssign(by, region, Objects.requireNonNull(roles));
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        if (current.roles().contains(Role.ADMIN) && current.enabled() && (!roles.contains(Role.ADMIN) || !enabled)
                && accounts.countEnabledAdministrators() <= 1) {
            throw new ConflictException("This is the last enabled administrator; make another administrator first");
        }

        Account updated = new Account(id, current.username(), displayName,
                password == null ? current.passwordHash() : passwords.encode(password),
                roles, region, enabled, current.createdAt(), current.createdBy());
        accounts.update(updated);
        List<String> changed = changedFields(current, updated, password != null);
        if (changed.stream().anyMatch(f -> !f.equals("displayName"))) {
            revocation.revokeAll(updated.id(), updated.username());
        }
        audit.record(by.username(), "ACCOUNT_UPDATED", "account:" + id,
                Map.of("username", current.username(), "changed", changed,
                        "roles", roles, "regionCode", regionText(region), "enabled", enabled));
        return updated.view();
    }

    @Transactional(readOnly = true)
    AccountView get(Actor by, long id) {
        by.requireRole(Role.ADMIN, Role.STAFF);
        Account account = load(id);
        by.requireScope(account.regionCode());
        return account.view();
    }

    @Transactional(readOnly = true)
    PageResult<AccountView> list(Actor by, @Nullable RegionCode within, @Nullable Role role, @Nullable String query,
                                 PageRequest page) {
        by.requireRole(Role.ADMIN, Role.STAFF);
        RegionScope scope = by.scope();
        if (within != null) {
            by.requireScope(within);
            scope = new RegionScope(within);
        }
        return accounts.list(scope, role, query, page).map(Account::view);
    }

    @Transactional(readOnly = true)
    boolean hasAdministrator() {
        return accounts.anyAdministrator();
    }

    /** The first administrator of a new instance, national, from the bootstrap settings. */
    void createBootstrapAdministrator(String rawUsername, String rawPassword) {
        var violations = new Violations();
        String username = AccountRules.username(rawUsername, violations);
        String password = AccountRules.password(rawPassword, violations);
        violations.throwIfAny();
        Long id = accounts.insert(Objects.requireNonNull(username), "Administrator", passwords.encode(password),
                Set.of(Role.ADMIN), null, "bootstrap").orElse(null);
        if (id == null) {
            throw new ConflictException("An account named '" + username + "' exists but is not an enabled administrator");
        }
        audit.record("system", "ACCOUNT_CREATED", "account:" + id,
                Map.of("username", username, "roles", Set.of(Role.ADMIN), "regionCode", "national", "bootstrap", true));
    }

    private void requireMayAssign(Actor by, @Nullable RegionCode region, Set<Role> roles) {
        by.requireScope(region);
        if (roles.contains(Role.ADMIN) && !by.has(Role.ADMIN)) {
            throw new OutOfScopeException("Only administrators may grant the ADMIN role");
        }
    }

    private @Nullable RegionCode existingRegion(@Nullable String raw, Violations violations) {
        RegionCode region = AccountRules.region(raw, violations);
        if (region != null && !regions.exists(region)) {
            violations.add("regionCode", "regionCode.unknown", "region " + region + " does not exist");
            return null;
        }
        return region;
    }

    private Account load(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException("Account", id));
    }

    private static List<String> changedFields(Account before, Account after, boolean passwordChanged) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changed.add("displayName");
        }
        if (!before.roles().equals(after.roles())) {
            changed.add("roles");
        }
        if (!Objects.equals(before.regionCode(), after.regionCode())) {
            changed.add("regionCode");
        }
        if (before.enabled() != after.enabled()) {
            changed.add("enabled");
        }
        if (passwordChanged) {
            changed.add("password");
        }
        return changed;
    }

    private static String regionText(@Nullable RegionCode region) {
        return region == null ? "national" : region.value();
    }
}
