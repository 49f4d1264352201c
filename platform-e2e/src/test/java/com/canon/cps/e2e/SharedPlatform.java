package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.local.LocalOptions;
import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * One local platform (as {@code ./cps-local} runs it, on ports offset by {@value #OFFSET}) shared by the in-process
 * journey tests of this JVM; stopped when the JVM exits. Journeys use fresh e-mail addresses, so they do not interfere.
 *
 * <p>The test platforms' offsets (e2e 2000, crash recovery 3000, browser 4000, load 5000, faults 6000) keep the
 * fixed PostgreSQL and Kafka ports (15432 and 19092 + offset) below the kernel's ephemeral range (32768-60999): inside
 * it, an outgoing connection of another process could hold the port as its source port when the server binds it
 * (PostgreSQL then never came up in a CI run, at offset 21000).
 */
final class SharedPlatform {

    static final int OFFSET = 2000;

    private static LocalPlatform platform;

    private SharedPlatform() {}

    static synchronized LocalPlatform get() {
        if (platform == null) {
            try {
                platform = LocalPlatform.start(new LocalOptions(Files.createTempDirectory("cps-e2e"), false, OFFSET));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPlatform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-shutdown"));
        }
        return platform;
    }

    static HttpTestClient http() {
        return new HttpTestClient("http://127.0.0.1:" + get().entryPointPort());
    }

    static String operatorToken() {
        HttpTestClient.Response login = http().postJson(
                        "/api/auth/login",
                        HttpTestClient.json(
                                Map.of("email", get().operatorEmail(), "password", get().operatorPassword())),
                        null);
        assertThat(login.status()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }
}
