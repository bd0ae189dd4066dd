package id.pantau.account.internal;

import java.io.IOException;

import id.pantau.shared.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a throttled web sign-in before the password is even checked, and shows the sign-in
 * page with status 429 (see {@link LoginPage#throttled}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER = LoginThrottleFilter.class.getName() + ".retryAfter";

    private final LoginAttempts attempts;

    LoginThrottleFilter(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            attempts.checkAllowed(request.getParameter("username"), request.getRemoteAddr());
        } catch (TooManyRequestsException e) {
            request.setAttribute(RETRY_AFTER, e.retryAfterSeconds());
            request.getRequestDispatcher("/login/throttled").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
