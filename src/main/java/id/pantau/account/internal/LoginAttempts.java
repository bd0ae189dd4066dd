package id.pantau.account.internal;

import java.util.Map;

import id.pantau.account.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What follows a sign-in attempt on either channel (web form, token API): audit, and throttling of failures. */
@Component
class LoginAttempts {

    private final AuditTrail audit;
    private final LoginThrottle throttle;

    LoginAttempts(AuditTrail audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    void checkAllowed(@Nullable String username, String address) {
        throttle.check(username, address);
    }

    void succeeded(String username, String channel) {
        audit.record(username, "LOGIN_SUCCEEDED", "username:" + username, Map.of("channel", channel));
    }

    void failed(@Nullable String username, String address, String channel, String reason) {
        throttle.failed(username, address);
        audit.record(null, "LOGIN_FAILED", "username:" + (username == null ? "" : username),
                Map.of("channel", channel, "reason", reason));
    }
}
