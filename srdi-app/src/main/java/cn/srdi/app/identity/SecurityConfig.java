package cn.srdi.app.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for pages, HTTP Basic for API clients. CSRF protection is on for every browser
 * request; API calls that authenticate with an Authorization header on each request carry no
 * session cookie to forge, so CSRF is not asked of them. Sessions expire after
 * {@code server.servlet.session.timeout}.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher apiWithCredentials = request -> api.matches(request) && hasAuthorizationHeader(request);
        http
            .authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                        "/favicon.ico", "/actuator/health").permitAll()
                // the page a scanned enterprise code opens: the firm's public card (servicedesk)
                .requestMatchers("/c/**").permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").successHandler(afterLogin()).permitAll())
            .httpBasic(Customizer.withDefaults())
            .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
            .csrf(c -> c.ignoringRequestMatchers(apiWithCredentials))
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
            .headers(h -> h.frameOptions(fo -> fo.sameOrigin()));
        return http.build();
    }

    /**
     * After login: back to the firm's mobile services ({@code /m…}) when that is what the user
     * came from (a scanned enterprise code), else the home page.
     */
    static AuthenticationSuccessHandler afterLogin() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        return (request, response, authentication) -> {
            SavedRequest saved = cache.getRequest(request, response);
            String target = "/";
            if (saved != null) {
                java.net.URI uri = java.net.URI.create(saved.getRedirectUrl());
                String path = uri.getRawPath() == null ? "" : uri.getRawPath().substring(
                        Math.min(uri.getRawPath().length(), request.getContextPath().length()));
                if (path.equals("/m") || path.startsWith("/m/")) {
                    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().replaceAll("(^|&)continue(=[^&]*)?", "")
                            .replaceAll("^&", "");
                    target = path + (query.isEmpty() ? "" : "?" + query);
                }
                cache.removeRequest(request, response);
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static boolean hasAuthorizationHeader(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && !h.isBlank();
    }
}
