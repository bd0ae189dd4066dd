package id.pantau.account.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions and API tokens, so that a removed role, a moved home region, a
 * disabled account or a new password take effect at once instead of at the next sign-in.
 */
@Component
class AccessRevocation {

    private final JdbcClient jdbc;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccessRevocation(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    void revokeAll(long accountId, String username) {
        jdbc.sql("delete from api_token where account_id = ?").param(accountId).update();
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
