package com.canon.cps.verification.config;

import com.canon.cps.platform.security.PublicEndpoints;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Public endpoints, and paths as people type them: a VAT ID with a slash ({@code CZ 640229/4448}) sent in the path
 * arrives as {@code %2F}, which Tomcat refuses by default with an HTML page and Spring Security's firewall refuses too.
 * Here Tomcat decodes it for the servlet path (the request URI, which Spring MVC matches, keeps it encoded, so the
 * whole ID stays one path segment) and the firewall lets an encoded slash through; every other request it rejects is
 * answered as a problem, not an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(
                "GET /api/verification/vat-ids/**",
                "GET /api/verification/vat-ids",
                "POST /api/verification/documents",
                "GET /api/verification/decision-due",
                "GET /api/verification/information-requests/*",
                "POST /api/verification/cases/*/documents");
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashes() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue()));
    }

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> problem(response);
    }

    private static void problem(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The request URL is not acceptable\"}");
    }
}
