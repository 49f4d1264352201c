package com.canon.cps.portal.docs;

import com.canon.cps.portal.client.OperationsApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * For integrators: every service's OpenAPI document (served by the service, reachable through the entry point at
 * {@code /openapi/<service>.json}) in one Swagger UI page, and the AsyncAPI documents of the published events.
 * Swagger UI comes from a WebJar; nothing is fetched from another host. "Try it out" is off: the documents describe,
 * the API itself is called with a token.
 */
@Controller
class ApiDocsController {

    @GetMapping("/api-docs")
    String apiDocs(Model model) {
        model.addAttribute("services", OperationsApi.SERVICES);
        return "api-docs";
    }

    /** One service's REST API in Swagger UI (which brings its own {@code <main>}). */
    @GetMapping("/api-docs/{service}")
    String swagger(@PathVariable String service, Model model) {
        if (!OperationsApi.SERVICES.contains(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("service", service);
        return "api-docs-service";
    }
}
