package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' shell tool {@code ./cps-admin} (bash + curl) against the platform through its entry point, as an
 * operator runs it: it logs in with the password from {@code CPS_PASSWORD}, finds a submitted case in the queue and
 * approves it, finds the member, lists invoices and dead letters, and a refused request exits non-zero with the
 * problem's detail on stderr.
 */
class CpsAdminIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpTestClient http;
    static String admin;

    @TempDir
    Path home;

    @BeforeAll
    static void startPlatform() {
        Assumptions.assumeTrue(onPath("bash") && onPath("curl"), "cps-admin needs bash and curl");
        http = SharedPlatform.http();
        admin = SharedPlatform.operatorToken();
    }

    @Test
    void anOperatorWorksTheQueueFindsTheMemberAndSeesInvoicesAndDeadLettersFromTheShell() {
        assertThat(run("help").stdout()).contains("queue", "approve", "import-statement", "dead-letters", "--json");
        assertThat(run("help").stdout().lines().count()).as("one screen").isLessThanOrEqualTo(50);

        Result login = run("login", SharedPlatform.get().operatorEmail());
        assertThat(login.exit()).as(login.stderr()).isZero();
        assertThat(login.stdout())
                .contains("Logged in as " + SharedPlatform.get().operatorEmail());

        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "shell+" + run + "@muster.example";
        String company = "Kommandozeile " + run + " GmbH";
        String accountId = Journeys.apply(Applications.deNonVat(company, email), "TRADE_REGISTER_EXTRACT");
        String caseId = awaitCaseInReview(accountId);

        // the queue, as JSON for scripts and as lines for people
        Result queue = run("queue", "--json");
        assertThat(queue.exit()).as(queue.stderr()).isZero();
        JsonNode cases = JSON.readTree(queue.stdout());
        List<String> ids = new ArrayList<>();
        cases.forEach(c -> ids.add(c.path("caseId").asString()));
        assertThat(ids).contains(caseId);
        Result german = run("queue", "--country", "de", "--status", "IN_REVIEW");
        assertThat(german.exit()).as(german.stderr()).isZero();
        assertThat(german.stdout()).contains("deadline", caseId, "IN_REVIEW");

        Result approve = run("approve", caseId);
        assertThat(approve.exit()).as(approve.stderr()).isZero();
        assertThat(approve.stdout()).contains(caseId, "APPROVE");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(run("--json", "case", caseId).stdout())
                                        .path("status")
                                        .asString())
                        .isEqualTo("APPROVED"));
        assertThat(run("queue", "--json").stdout()).doesNotContain(caseId);

        // the member search
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Result members = run("members", "--json", email);
            assertThat(members.exit()).as(members.stderr()).isZero();
            JsonNode found = JSON.readTree(members.stdout());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("accountId").asString()).isEqualTo(accountId);
            assertThat(found.get(0).path("companyName").asString()).isEqualTo(company);
        });
        assertThat(run("members", "Kommandozeile " + run).stdout()).contains(accountId, email);

        Result invoices = run("invoices");
        assertThat(invoices.exit()).as(invoices.stderr()).isZero();
        assertThat(invoices.stdout()).contains("dueDate", "number", "gross");
        assertThat(JSON.readTree(run("invoices", "--json").stdout()).isArray()).isTrue();

        Result deadLetters = run("dead-letters", "points");
        assertThat(deadLetters.exit()).as(deadLetters.stderr()).isZero();
        assertThat(deadLetters.stdout()).contains("source", "error");
        assertThat(JSON.readTree(run("--json", "dead-letters", "billing").stdout())
                        .isArray())
                .isTrue();

        // the approval is in the case's trail, with the operator
        assertThat(run("audit", "verification", "--subject", caseId).stdout())
                .contains("VERIFICATION_DECIDED", SharedPlatform.get().operatorEmail());

        // refused: exit code 1, the problem's detail on stderr, nothing on stdout
        Result unknown = run("approve", UUID.randomUUID().toString());
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.stderr()).contains("404", "No such case");
        assertThat(unknown.stdout()).isEmpty();
        Result noReason = run("reject", caseId, "--reason", " ");
        assertThat(noReason.exit()).isNotZero();
        assertThat(noReason.stderr()).contains("400", "reason");
    }

    private static String awaitCaseInReview(String accountId) {
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode cases = http.get("/api/verification/cases?accountId=" + accountId, admin)
                    .json();
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).path("status").asString()).isEqualTo("IN_REVIEW");
            caseId[0] = cases.get(0).path("caseId").asString();
        });
        return caseId[0];
    }

    record Result(int exit, String stdout, String stderr) {}

    /** Runs {@code ./cps-admin args} against the shared platform, with its token kept in this test's directory. */
    private Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("CPS_TOKEN");
            builder.environment()
                    .put("CPS_URL", "http://127.0.0.1:" + SharedPlatform.get().entryPointPort());
            builder.environment().put("CPS_TOKEN_FILE", home.resolve("token").toString());
            builder.environment().put("CPS_PASSWORD", SharedPlatform.get().operatorPassword());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cps-admin " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code cps-admin} at the repository's root (the tests run in {@code platform-e2e}). */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cps-admin"))) {
                return dir.resolve("cps-admin");
            }
        }
        throw new AssertionError("no cps-admin above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
