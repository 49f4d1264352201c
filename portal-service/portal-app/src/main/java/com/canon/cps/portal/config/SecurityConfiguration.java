package com.canon.cps.portal.config;

import com.canon.cps.portal.session.PortalSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open which page, and the browser-side protections: CSRF tokens on every form (session-stored), a
 * Content-Security-Policy without inline scripts, no referrer (the password-link token must not leak), no framing.
 * Sign-in itself is the portal's own login page calling account-service ({@code LoginController}); the session only
 * ever holds the tokens server-side.
 */
@Configuration
class SecurityConfiguration {

    static final String[] PUBLIC = {
        "/",
        "/apply",
        "/apply/**",
        "/set-password",
        "/reset-password",
        "/login",
        "/forgot-password",
        "/confirm-email",
        "/account/erased", // the goodbye after a member deleted its account: it is logged out by then
        "/support",
        "/terms",
        "/api-docs",
        "/api-docs/**",
        "/assets/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health/**",
        "/actuator/prometheus"
    };

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * An applicant's document (PDF, PNG or JPEG only: verification-service sniffs every upload) shown in a frame of
     * the case page: this site may frame it, nobody else; it is never a page of its own with scripts.
     */
    @Bean
    @Order(1)
    SecurityFilterChain evidenceDocuments(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        return http.securityMatcher("/back-office/verification/*/documents/**")
                .authorizeHttpRequests(documents -> documents.anyRequest().hasRole("OPERATOR"))
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(
            HttpSecurity http, PortalSession session, PortalSettings settings, SecurityContextRepository contexts)
            throws Exception {
        String formTargets = ("'self' " + settings.gatewayOrigin()).trim();
        return http.authorizeHttpRequests(pages -> pages.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/back-office", "/back-office/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .hasRole("MEMBER"))
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> session.signOut(request))
                        .logoutSuccessUrl("/login?loggedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action "
                                + formTargets))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}
