package id.pantau.account.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two doors. The API ({@code /api/**}, {@code /actuator/**}) is stateless: bearer tokens, no
 * session, no CSRF, errors as problem+json. Pages use a session with CSRF protection and a
 * sign-in form. Region data and public pages are open; everything else needs an account, and
 * which regions that account may touch is decided by {@link id.pantau.account.RegionScope}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, stored with its {id} so that a stronger encoder can take over without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager passwordAuthentication(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        var bearer = new AuthenticationFilter(new ProviderManager(new BearerTokenAuthentication.Provider(tokens)),
                new BearerTokenAuthentication.Converter());
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

        return http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // open data: regions, elections and their rules, the report taxonomy
                        .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**", "/api/v1/elections",
                                "/api/v1/elections/*", "/api/v1/rule-sets/**", "/api/v1/holidays/**", "/api/v1/categories").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        // anyone may report and follow a report; evidence needs the report's upload token (checked there),
                        // text-message gateways sign their requests (checked there)
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports", "/api/v1/reports/*/evidence",
                                "/api/v1/inbound/messages").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/track/*").permitAll()
                        // anyone may sign up as a volunteer (with consent) and verify a cadre's certificate
                        .requestMatchers(HttpMethod.POST, "/api/v1/volunteers/signup").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/certificates/*").permitAll()
                        // the vulnerability index (editions, scores, the map's data) is open data, for the press too
                        .requestMatchers(HttpMethod.GET, "/api/v1/vulnerability/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager passwordAuthentication, LoginAttempts attempts,
                              @Value("${pantau.map.tile-url:}") String tileUrl) throws Exception {
        return http
                .authenticationManager(passwordAuthentication)
                .authorizeHttpRequests(requests -> requests
                        // the IKP map is public, its score import is not
                        .requestMatchers("/ikp/import").hasAnyRole("ADMIN", "ANALYST")
                        .requestMatchers("/", "/regions/**", "/login", "/login/throttled", "/error",
                                "/lapor", "/lapor/**", "/lacak", "/lacak/**", "/gabung", "/gabung/**", "/sertifikat", "/sertifikat/**", "/ikp", "/ikp/**",
                                "/report-sw.js", "/manifest.webmanifest",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/admin/**").hasAnyRole("ADMIN", "STAFF")
                        .requestMatchers("/reports", "/reports/**", "/cases", "/cases/**").hasAnyRole("ADMIN", "STAFF", "ANALYST")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new AuditedSuccess(attempts))
                        .failureHandler(new AuditedFailure(attempts)))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                // the public report form: anonymous, so there is no session to forge requests from,
                // and requiring one would give every reporter a session row
                .csrf(csrf -> csrf.ignoringRequestMatchers("/lapor"))
                .addFilterBefore(new LoginThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Scripts only from this server; map tiles also from the configured tile server, if any. */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileUrl.isBlank() ? "" : " " + origin(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" + tiles
                + "; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    /** {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} becomes {@code https://*.tile.example.org}. */
    static String origin(String tileUrl) {
        int scheme = tileUrl.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("pantau.map.tile-url must be an absolute URL, not '" + tileUrl + "'");
        }
        int path = tileUrl.indexOf('/', scheme + 3);
        return (path < 0 ? tileUrl : tileUrl.substring(0, path)).replace("{s}", "*");
    }

    private static final class AuditedSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final LoginAttempts attempts;

        AuditedSuccess(LoginAttempts attempts) {
            this.attempts = attempts;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            attempts.succeeded(authentication.getName(), "web");
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    private static final class AuditedFailure extends SimpleUrlAuthenticationFailureHandler {

        private final LoginAttempts attempts;

        AuditedFailure(LoginAttempts attempts) {
            super("/login?error");
            this.attempts = attempts;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException, ServletException {
            attempts.failed(request.getParameter("username"), request.getRemoteAddr(), "web",
                    exception.getClass().getSimpleName());
            super.onAuthenticationFailure(request, response, exception);
        }
    }
}
