package vn.danvan.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login at /login (username, password, _csrf), sessions in PostgreSQL, CSRF on every form
 * and htmx request, secure headers, and Bearer personal access tokens for other systems (no CSRF
 * for those). Pages send an anonymous visitor to /login; the API answers 401 as a problem detail.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String[] PUBLIC = {"/login", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/webjars/**", "/assets/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**",
            // the "Dân vận khéo" showcase for citizens: read-only, recognised models and their public part only
            "/public/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTokens tokens) throws Exception {
        RequestMatcher bearer = request -> {
            var header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                                "img-src 'self' data:", "font-src 'self' data:", "frame-ancestors 'none'",
                                "form-action 'self'", "base-uri 'self'", "object-src 'none'")))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** Pages send an anonymous visitor to /login; the API answers 401 as a problem detail. */
    private static AuthenticationEntryPoint entryPoint() {
        var login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (!isApi(request)) {
                login.commence(request, response, e);
                return;
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Unauthorized","status":401,\
                    "detail":"Chưa đăng nhập: hãy đăng nhập tại /login hoặc gửi mã truy cập (Bearer).",\
                    "instance":"%s"}""".formatted(request.getRequestURI().replace("\"", "")));
        };
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            var target = exception instanceof LockedException ? "/login?error=locked" : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /**
     * No Micrometer observation around each security filter, authorization and authentication: with the actuator's
     * registry present Spring Security otherwise wraps every filter of the chain in an observation of its own, which
     * profiles of the reporting API showed as a tenth of a warm request's CPU. Every filter still runs as before
     * (authentication, the scope checks, CSRF); the request as a whole is still observed ({@code http.server.requests}
     * on /actuator/prometheus).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, Clock clock) {
        return username -> accounts.byUsername(username)
                .map(account -> new DanvanPrincipal(account, OffsetDateTime.now(clock)))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
