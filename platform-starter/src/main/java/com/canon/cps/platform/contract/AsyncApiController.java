package com.canon.cps.platform.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves the service's AsyncAPI document at {@code GET /asyncapi.yaml} (no token needed): the file
 * {@code META-INF/cps/asyncapi-<service>.yaml} of the service's own contract artifact, so downstream teams read the
 * contract of exactly the version that runs. The file is named by service because in local mode every contract is
 * on one classpath. A service without such a file answers 404.
 */
@RestController
public class AsyncApiController {

    public static final String PATH = "/asyncapi.yaml";
    public static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final String service;
    private final String resource;
    private final byte[] document;

    public AsyncApiController(String service, ClassLoader classLoader) {
        this.service = service;
        this.resource = resourceOf(service);
        this.document = read(classLoader, resource);
    }

    /** Where a service's contract artifact holds its AsyncAPI document. */
    public static String resourceOf(String service) {
        return "META-INF/cps/asyncapi-" + service + ".yaml";
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> asyncApi() {
        if (document == null) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, service + "-service has no AsyncAPI document (" + resource + ")");
        }
        return ResponseEntity.ok()
                .contentType(APPLICATION_YAML)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(document);
    }

    private static byte[] read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
