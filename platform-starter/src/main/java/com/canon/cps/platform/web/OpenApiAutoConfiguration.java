package com.canon.cps.platform.web;

import com.canon.cps.platform.config.PlatformProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document ({@code /v3/api-docs}, through the entry point {@code /openapi/<service>.json}):
 * what springdoc finds in the controllers, plus the service's name, a fixed server ({@code /}, so the document is the
 * same wherever it is served and can be checked in under {@code docs/openapi/}), the bearer token, and on every
 * operation the problems it can answer (RFC 9457 {@code application/problem+json}, docs/api.md "Errors") with an example.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    public OpenAPI cpsOpenApi(PlatformProperties platform) {
        return new OpenAPI()
                .info(new Info()
                        .title(platform.service() + "-service")
                        .version("v1")
                        .description("The REST API of " + platform.service() + "-service of the CPS Membership"
                                + " Platform (docs/api.md). A member's or an operator's token from POST /api/auth/login goes"
                                + " in `Authorization: Bearer`; every error is a problem (RFC 9457)."))
                .servers(List.of(new Server().url("/").description("the entry point (http://localhost:8080 locally)")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The problems every operation may answer, unless its controller documents them itself. */
    @Bean
    public OpenApiCustomizer cpsProblemResponses() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        boolean writes = method == PathItem.HttpMethod.POST
                                || method == PathItem.HttpMethod.PUT
                                || method == PathItem.HttpMethod.PATCH;
                        if (writes
                                || (operation.getParameters() != null
                                        && !operation.getParameters().isEmpty())) {
                            add(operation, "400", "Bad input: nothing changed; `errors` names each field", badInput());
                        }
                        add(
                                operation,
                                "401",
                                "No token, or one that is expired or not ours (where a token is needed)",
                                null);
                        add(operation, "403", "The token's role or account may not do this", null);
                        if (path.contains("{")) {
                            add(operation, "404", "No such resource, or not one the token may see", null);
                        }
                        if (writes) {
                            add(operation, "409", "The state does not allow it (e.g. already done, or taken)", null);
                        }
                        add(operation, "503", "A service or store it needs is unavailable; retry later", null);
                    }));
        };
    }

    private static void add(Operation operation, String status, String description, Object example) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        problem.setExample(example != null ? example : example(Integer.parseInt(status), description));
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content().addMediaType(PROBLEM_JSON, problem)));
    }

    private static Map<String, Object> example(int status, String detail) {
        return Map.of("type", "about:blank", "title", title(status), "status", status, "detail", detail);
    }

    private static Map<String, Object> badInput() {
        return Map.of(
                "type", "about:blank",
                "title", "Bad Request",
                "status", 400,
                "detail", "Invalid request content.",
                "errors", List.of(Map.of("field", "contactEmail", "message", "must be a well-formed email address")));
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 503 -> "Service Unavailable";
            default -> "Bad Request";
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("one entry per invalid field (400 only)")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
    }
}
