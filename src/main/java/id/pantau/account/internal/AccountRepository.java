package id.pantau.account.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.pantau.account.RegionScope;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, username, display_name, password_hash, roles, region_code, enabled, created_at, created_by";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the username is taken; empty when it is. */
    Optional<Long> insert(String username, @Nullable String displayName, String passwordHash, Set<Role> roles,
                          @Nullable RegionCode region, @Nullable String createdBy) {
        return jdbc.sql("""
                        insert into account (username, display_name, password_hash, roles, region_code, created_by)
                        values (:username, :displayName, :hash, :roles, :region, :createdBy)
                        on conflict (username) do nothing
                        returning id""")
                .param("username", username)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("roles", roleNames(roles))
                .param("region", region == null ? null : region.value())
                .param("createdBy", createdBy)
                .query(Long.class).optional();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id)
                .query(AccountRepository::map).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where username = ?").param(username)
                .query(AccountRepository::map).optional();
    }

    boolean anyAdministrator() {
        return jdbc.sql("select exists (select 1 from account where 'ADMIN' = any(roles) and enabled)")
                .query(Boolean.class).single();
    }

    /** Counts enabled administrators and locks their rows, so two admins cannot demote each other at once. */
    long countEnabledAdministrators() {
        return jdbc.sql("select count(*) from (select id from account where 'ADMIN' = any(roles) and enabled for update) a")
                .query(Long.class).single();
    }

    PageResult<Account> list(RegionScope scope, @Nullable Role role, @Nullable String usernameLike, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        StringBuilder where = new StringBuilder(" where ").append(scope.sqlCondition("region_code"));
        if (role != null) {
            where.append(" and :role = any(roles)");
            params.put("role", role.name());
        }
        if (usernameLike != null && !usernameLike.isBlank()) {
            where.append(" and (username like :q or lower(display_name) like :q)");
            params.put("q", "%" + usernameLike.strip().toLowerCase().replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from account" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Account> items = jdbc.sql("select " + COLUMNS + " from account" + where
                        + " order by region_code nulls first, username limit :limit offset :offset")
                .params(params).query(AccountRepository::map).list();
        return PageResult.of(items, total, page);
    }

    void update(Account account) {
        jdbc.sql("""
                        update account
                           set display_name = :displayName, password_hash = :hash, roles = :roles,
                               region_code = :region, enabled = :enabled, updated_at = now()
                         where id = :id""")
                .param("displayName", account.displayName())
                .param("hash", account.passwordHash())
                .param("roles", roleNames(account.roles()))
                .param("region", account.regionCode() == null ? null : account.regionCode().value())
                .param("enabled", account.enabled())
                .param("id", account.id())
                .update();
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(roleSet::add);
        String region = rs.getString("region_code");
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), roleSet, region == null ? null : new RegionCode(region),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
