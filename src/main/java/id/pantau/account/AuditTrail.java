package id.pantau.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit table: who did what to which subject, when and from which address.
 * Entries join the caller's transaction, so a change that rolls back leaves no entry claiming it
 * happened.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(@Nullable String actor, String action, @Nullable String subject, Map<String, ?> details) {
        jdbc.sql("""
                        insert into audit_event (actor, action, subject, client_ip, details)
                        values (:actor, :action, :subject, :ip, cast(:details as jsonb))""")
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("ip", clientAddress())
                .param("details", json.writeValueAsString(details))
                .update();
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
