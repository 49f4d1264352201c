package com.canon.cps.platform.security;

import com.canon.cps.platform.config.PlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: RS256 tokens issued by account-service, checked with the public key
 * from configuration ({@code cps.jwt.public-key}); roles come from the {@code roles} claim ({@code MEMBER},
 * {@code OPERATOR}). Stateless, no sessions, no CSRF (no cookies are used). Errors are problem details.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@EnableMethodSecurity
@EnableConfigurationProperties(SourceSettings.class)
public class SecurityAutoConfiguration {

    /** The password Prometheus scrapes {@code /actuator/prometheus} with (user {@value ActuatorAccess#SCRAPER_USER}). */
    public static final String SCRAPE_PASSWORD = "cps.management.scrape-password";

    @Bean
    public ClientAddress clientAddress(SourceSettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    /**
     * Every endpoint that needs no token is limited per source (after the body-size cap, before security), unless
     * {@code cps.http.sources.limited} is false.
     */
    @Bean
    @ConditionalOnProperty(name = "cps.http.sources.limited", matchIfMissing = true)
    public FilterRegistrationBean<SourceRateLimitFilter> sourceRateLimitFilter(
            ObjectProvider<PublicEndpoints> publicEndpoints,
            SourceSettings settings,
            ClientAddress clientAddress,
            ObjectProvider<MeterRegistry> meters) {
        FilterRegistrationBean<SourceRateLimitFilter> registration =
                new FilterRegistrationBean<>(new SourceRateLimitFilter(
                        publicEndpoints
                                .orderedStream()
                                .flatMap(p -> p.endpoints().stream())
                                .toList(),
                        settings,
                        clientAddress,
                        Clock.systemUTC(), // the wall clock: the business clock can be moved (/dev/clock)
                        meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(PlatformProperties properties) {
        String pem = properties.jwt().publicKey();
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(
                    "cps.jwt.public-key (env CPS_JWT_PUBLIC_KEY) is not set: the RS256 public key of account-service");
        }
        return JwtKeys.decoder(
                Pem.publicKeys(pem), properties.jwt().issuer(), properties.jwt().audience());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain cpsSecurityFilterChain(
            HttpSecurity http,
            JwtDecoder decoder,
            ObjectProvider<PublicEndpoints> publicEndpoints,
            Environment environment)
            throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);

        List<PublicEndpoints.Endpoint> open = publicEndpoints
                .orderedStream()
                .flatMap(p -> p.endpoints().stream())
                .toList();
        http.addFilterBefore(
                new ActuatorAccess(environment.getProperty(SCRAPE_PASSWORD)), BearerTokenAuthenticationFilter.class);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // health (details only for operators) and info are public; metrics for operators and the scraper
                    auth.requestMatchers(ActuatorAccess.PUBLIC).permitAll();
                    auth.requestMatchers(ActuatorAccess.SCRAPED).hasAnyRole("OPERATOR", ActuatorAccess.SCRAPER_ROLE);
                    auth.requestMatchers("/actuator/**").hasRole("OPERATOR");
                    auth.requestMatchers("/v3/api-docs/**", "/error", "/asyncapi/**")
                            .permitAll();
                    open.forEach(
                            e -> auth.requestMatchers(e.method(), e.pattern()).permitAll());
                    auth.requestMatchers("/admin/**").hasRole("OPERATOR");
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "Authentication required"))
                        .accessDeniedHandler(
                                (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "Not allowed")))
                .exceptionHandling(x -> x.authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "Authentication required"))
                        .accessDeniedHandler(
                                (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "Not allowed")));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
