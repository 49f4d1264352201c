package com.canon.cps.portal.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings, under {@code cps.portal.*}.
 *
 * @param services base URLs of the services' public APIs
 * @param cardForm the payment gateway's hosted card form; relative URLs are resolved against the portal's own
 *     public address (the local simulator is served through the same entry point)
 * @param gatewayOrigin the gateway's origin, allowed as a form target by the Content-Security-Policy (empty when the
 *     card form is served from the portal's own origin)
 * @param readYourWritesWindow after a write to a service, this session's reads of that service wait until its
 *     projections have caught up (ADR 17) for this long
 * @param bellRefresh how long the bell's unread count is shown without asking notification-service again (not after
 *     the session's own writes, which may have caused a notification)
 * @param timeout how long a page waits for a service before it shows that part as unavailable
 * @param secureCookies mark cookies {@code Secure} (behind HTTPS)
 * @param countries the countries an applicant can choose (account-service's {@code cps.account.countries})
 */
@ConfigurationProperties("cps.portal")
public record PortalSettings(
        @DefaultValue Services services,

        @DefaultValue("/payment-gateway-simulator/card-form")
        String cardForm,

        @DefaultValue("") String gatewayOrigin,
        @DefaultValue("30s") Duration readYourWritesWindow,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("15s") Duration bellRefresh,
        @DefaultValue("false") boolean secureCookies,

        @DefaultValue({
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "XI", "GB", "CH", "NO"
        })
        java.util.List<String> countries) {

    /** One base URL per service (docs/api.md ports). */
    public record Services(
            @DefaultValue("http://127.0.0.1:8081") URI account,
            @DefaultValue("http://127.0.0.1:8082") URI verification,
            @DefaultValue("http://127.0.0.1:8083") URI product,
            @DefaultValue("http://127.0.0.1:8084") URI points,
            @DefaultValue("http://127.0.0.1:8085") URI membership,
            @DefaultValue("http://127.0.0.1:8086") URI billing,
            @DefaultValue("http://127.0.0.1:8087") URI notification) {}
}
