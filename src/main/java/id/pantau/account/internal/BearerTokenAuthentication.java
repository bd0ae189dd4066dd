package id.pantau.account.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** {@code Authorization: Bearer <token>} on API requests, checked against {@link ApiTokens}. */
final class BearerTokenAuthentication {

    private BearerTokenAuthentication() {
    }

    /** A token as presented, not yet checked. */
    static final class Presented extends AbstractAuthenticationToken {

        private final String token;

        Presented(String token) {
            super(List.of());
            this.token = token;
        }

        @Override
        public String getCredentials() {
            return token;
        }

        @Override
        public String getPrincipal() {
            return "bearer";
        }
    }

    static final class Converter implements AuthenticationConverter {

        @Override
        public @Nullable Authentication convert(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String token = header.substring(7).strip();
            if (token.isEmpty()) {
                throw new BadCredentialsException("The bearer token is empty");
            }
            return new Presented(token);
        }
    }

    static final class Provider implements AuthenticationProvider {

        private final ApiTokens tokens;

        Provider(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String token = ((Presented) authentication).getCredentials();
            AccountPrincipal principal = tokens.authenticate(token).map(AccountPrincipal::of)
                    .orElseThrow(() -> new BadCredentialsException("The bearer token is unknown, revoked or expired"));
            principal.eraseCredentials();
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Presented.class.isAssignableFrom(authentication);
        }
    }
}
