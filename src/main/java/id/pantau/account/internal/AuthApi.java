package id.pantau.account.internal;

import java.time.Instant;
import java.util.Locale;

import id.pantau.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** Bearer tokens for API clients, issued against a username and password. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApi {

    private final AuthenticationManager passwordAuthentication;
    private final AccountRepository accounts;
    private final ApiTokens tokens;
    private final LoginAttempts attempts;

    AuthApi(AuthenticationManager passwordAuthentication, AccountRepository accounts, ApiTokens tokens,
            LoginAttempts attempts) {
        this.passwordAuthentication = passwordAuthentication;
        this.accounts = accounts;
        this.tokens = tokens;
        this.attempts = attempts;
    }

    record TokenRequest(@Nullable String username, @Nullable String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for a bearer token (repeated failures are throttled: 429)")
    TokenResponse token(@RequestBody TokenRequest request, HttpServletRequest http) {
        var violations = new Violations();
        violations.check(request.username() != null && !request.username().isBlank(), "username", "required", "is required");
        violations.check(request.password() != null && !request.password().isEmpty(), "password", "required", "is required");
        violations.throwIfAny();
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        attempts.checkAllowed(username, http.getRemoteAddr());
        try {
            passwordAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, request.password()));
        } catch (AuthenticationException e) {
            attempts.failed(username, http.getRemoteAddr(), "api", e.getClass().getSimpleName());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password");
            problem.setTitle("Unauthorized");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, e);
        }
        attempts.succeeded(username, "api");
        Account account = accounts.findByUsername(username).orElseThrow();
        ApiTokens.IssuedToken issued = tokens.issue(account);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    @DeleteMapping("/token")
    @Operation(summary = "Revoke the bearer token of this request")
    ResponseEntity<Void> revoke(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }
}
