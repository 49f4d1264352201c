package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.RegistryFault;
import com.canon.cps.verification.registry.RegistryFaultException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client the registry adapters share: the JDK's client (HTTP/1.1, the JVM's proxy settings), a time-out per
 * request, and the translation of what goes wrong on the way into registry faults: no answer in time is
 * {@code TIMEOUT}, any other I/O failure {@code TECHNICAL_ERROR}; an interrupted call (the caller's time limit gave up)
 * is {@code TIMEOUT} with the interrupt flag kept.
 */
public final class RegistryHttp {

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);
    static final String USER_AGENT = "cps-verification-service";

    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout time to open a connection
     * @param requestTimeout time for a whole answer
     */
    public RegistryHttp(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** A request to {@code uri} with our user agent and the request time-out. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", USER_AGENT);
    }

    /** The status and body of the answer; a registry fault when there is none. */
    Answer send(HttpRequest request, String registry) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (HttpTimeoutException e) {
            throw new RegistryFaultException(RegistryFault.TIMEOUT);
        } catch (IOException e) {
            log.warn("{} registry call failed: {}", registry, e.toString());
            throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryFaultException(RegistryFault.TIMEOUT);
        }
    }

    /** A registry's answer: HTTP status and body. */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * The fault for a status that is not an answer, when the body says nothing more: 429 rate limited, 504 time-out,
         * other 5xx service unavailable, anything else a technical error.
         */
        RegistryFault statusFault() {
            if (status == 429) {
                return RegistryFault.RATE_LIMITED;
            }
            if (status == 504) {
                return RegistryFault.TIMEOUT;
            }
            if (status >= 500) {
                return RegistryFault.SERVICE_UNAVAILABLE;
            }
            return RegistryFault.TECHNICAL_ERROR;
        }
    }
}
