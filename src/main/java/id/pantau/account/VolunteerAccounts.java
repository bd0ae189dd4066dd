package id.pantau.account;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

import id.pantau.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in accounts for approved volunteers, for the network module. A coordinator (who may not
 * manage accounts in general) approves a volunteer; this makes an account with the single role
 * VOLUNTEER, the volunteer's region as home region, and a generated password that is returned
 * once, for the coordinator to hand over. Only its BCrypt hash is kept; the volunteer may change it
 * like any other account holder.
 */
@Service
public class VolunteerAccounts {

    /** Password symbols: no 0/O, 1/I/l, so that a password read out or copied by hand survives. */
    private static final String SYMBOLS = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
    /** 16 symbols from 55: about 92 bits. */
    private static final int PASSWORD_LENGTH = 16;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    VolunteerAccounts(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A new account's id, username and its one-time password in clear (never stored). */
    public record IssuedAccount(long accountId, String username, String initialPassword) {

        @Override
        public String toString() {
            return "IssuedAccount[" + accountId + ", " + username + "]";
        }
    }

    /**
     * Creates a VOLUNTEER account in {@code homeRegion}. The approver must be a coordinator, staff
     * member or administrator whose region contains {@code homeRegion}. The username is
     * {@code usernameBase} (lower case letters, digits, '-'), with a suffix if it is taken.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedAccount createVolunteer(Actor approver, String usernameBase, String displayName, RegionCode homeRegion) {
        approver.requireRole(Role.COORDINATOR, Role.STAFF, Role.ADMIN);
        approver.requireScope(Objects.requireNonNull(homeRegion));
        if (!usernameBase.matches("[a-z0-9][a-z0-9-]{2,50}")) {
            throw new IllegalArgumentException("Not a username base: " + usernameBase);
        }
        String password = generatePassword();
        String hash = passwords.encode(password);
        String name = displayName.strip().length() > 120 ? displayName.strip().substring(0, 120) : displayName.strip();
        for (int attempt = 0; ; attempt++) {
            String username = attempt == 0 ? usernameBase : usernameBase + "-" + (attempt + 1);
            Long id = jdbc.sql("""
                            insert into account (username, display_name, password_hash, roles, region_code, created_by)
                            values (?, ?, ?, array['VOLUNTEER'], ?, ?)
                            on conflict (username) do nothing
                            returning id""")
                    .params(username, name, hash, homeRegion.value(), approver.username())
                    .query(Long.class).optional().orElse(null);
            if (id != null) {
                audit.record(approver.username(), "ACCOUNT_CREATED", "account:" + id, Map.of("username", username,
                        "roles", java.util.List.of(Role.VOLUNTEER), "regionCode", homeRegion.value(), "volunteer", true));
                return new IssuedAccount(id, username, password);
            }
            if (attempt > 50) {
                throw new IllegalStateException("No free username for " + usernameBase);
            }
        }
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return password.toString();
    }
}
