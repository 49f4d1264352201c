package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the whole platform process in the middle of a burst of 50 applications, then a restart on the
 * same data: every application the clients were told about (201, or 409 for a retry of one that had been stored
 * just before the crash) ends with exactly one verification case and exactly one e-mail.
 */
class CrashRecoveryIT {

    private static final int APPLICATIONS = 50;
    private static final int PORT_OFFSET = 21000;

    @TempDir
    Path dataDir;

    private Process platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !platform.isAlive());
        }
    }

    @Test
    void killMinus9DuringBurst_losesNothingAndDuplicatesNothing() throws Exception {
        platform = startPlatform("first");
        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + (8080 + PORT_OFFSET));
        String run = Long.toHexString(System.nanoTime());
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            emails.add("crash" + i + "-" + run + "@burst.example");
        }

        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (String email : emails) {
            outcomes.add(clients.submit(() -> {
                int status = applyUntilAnswered(http, Applications.deNonVat("Crash Test " + run, email));
                acknowledged.incrementAndGet();
                return status;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 15);
        platform.destroyForcibly(); // SIGKILL: no shutdown hook runs
        platform.waitFor();
        int atKill = acknowledged.get();
        assertThat(atKill).as("killed in the middle of the burst").isLessThan(APPLICATIONS);

        platform = startPlatform("second");
        for (Future<Integer> outcome : outcomes) {
            assertThat(outcome.get()).isIn(201, 409);
        }
        clients.shutdown();

        String token = operatorToken(http);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Integer> mailsPerRecipient = mailsPerRecipient(http, run);
                    assertThat(mailsPerRecipient.keySet()).containsExactlyInAnyOrderElementsOf(emails);
                    assertThat(cases(http, token, run)).hasSize(APPLICATIONS);
                });
        // settled: nothing arrives late, nothing twice
        Map<String, Integer> mailsPerRecipient = mailsPerRecipient(http, run);
        assertThat(mailsPerRecipient.values()).allMatch(n -> n == 1);
        List<JsonNode> cases = cases(http, token, run);
        assertThat(cases.stream().map(c -> c.path("accountId").asString()).collect(Collectors.toSet()))
                .hasSize(APPLICATIONS);
        System.out.printf(
                "crash recovery: %d of %d applications acknowledged before kill -9; %d cases, %d e-mails after restart"
                        + " (repeats recognised by Message-ID: see the SMTP server's log)%n",
                atKill, APPLICATIONS, cases.size(), mailsPerRecipient.size());
    }

    /** Retries like a real client: until the platform answers with a final status. */
    private static int applyUntilAnswered(HttpTestClient http, Map<String, Object> application) {
        int[] status = new int[1];
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        status[0] = http.postJson("/api/accounts", HttpTestClient.json(application), null)
                                .status();
                        return status[0] == 201 || status[0] == 409 || (status[0] >= 400 && status[0] < 500);
                    } catch (UncheckedIOException connectionLost) {
                        return false;
                    }
                });
        return status[0];
    }

    private String operatorToken(HttpTestClient http) throws IOException {
        String password =
                Files.readString(dataDir.resolve("secrets/operator-password")).trim();
        return http.postJson(
                        "/api/auth/login",
                        HttpTestClient.json(Map.of("email", "operator@cps.local", "password", password)),
                        null)
                .json()
                .path("accessToken")
                .asString();
    }

    private static Map<String, Integer> mailsPerRecipient(HttpTestClient http, String run) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode mail : http.get("/dev/mail", null).json()) {
            for (JsonNode to : mail.path("to")) {
                if (to.asString().endsWith("-" + run + "@burst.example")) {
                    counts.merge(to.asString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static List<JsonNode> cases(HttpTestClient http, String token, String run) {
        JsonNode all = http.get("/api/verification/cases", token).json();
        return StreamSupport.stream(all.spliterator(), false)
                .filter(c -> c.path("companyName").asString().equals("Crash Test " + run))
                .toList();
    }

    private Process startPlatform(String name) throws IOException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".out");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-Daxoniq.update-checker.disabled=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.canon.cps.local.LocalPlatform",
                        "--data-dir",
                        dataDir.toString(),
                        "--port-offset",
                        String.valueOf(PORT_OFFSET))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("platform exited: " + Files.readString(log));
                    }
                    return Files.readString(log).contains("Operator login:");
                });
        return process;
    }
}
