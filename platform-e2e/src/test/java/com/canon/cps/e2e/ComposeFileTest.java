package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and what it mounts from deploy/ and docs/ are consistent: the file parses (SnakeYAML, with the
 * anchors and merge keys compose uses), every service has a health check and a memory limit, Kafka keeps its log
 * directory inside its volume, Prometheus scrapes every CPS service on its port and loads alert rules for dead letters,
 * SLA breaches, processor lag and failed payments, Grafana is provisioned with the Prometheus data source and the CPS
 * dashboard file, Jaeger receives OTLP, every service logs JSON, and deploy/generate-env.sh is POSIX sh that writes
 * every variable compose requires.
 *
 * <p>There is no Docker engine on the machines that build this project, so {@code docker compose config} cannot run
 * here; these checks read the files themselves. Where Docker exists, {@code docker compose config -q} is the check to
 * add to them.
 */
class ComposeFileTest {

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root).as("docker-compose.yml above the module").isNotNull();
        }
        compose = yaml(root.resolve("docker-compose.yml"));
        services = new LinkedHashMap<>();
        map(compose, "services").forEach((name, service) -> services.put(name, asMap(service)));
    }

    @Test
    void everyService_hasAHealthCheck_andAMemoryLimit() {
        assertThat(services).containsKeys("postgres", "kafka", "mongo", "prometheus", "grafana", "jaeger");
        services.forEach((name, service) -> {
            Map<String, Object> health = map(service, "healthcheck");
            assertThat(health.get("test")).as(name + " healthcheck test").isNotNull();
            assertThat(health.get("disable")).as(name).isNotEqualTo(true);
            Object memory =
                    map(map(map(service, "deploy"), "resources"), "limits").get("memory");
            assertThat(String.valueOf(memory)).as(name + " memory limit").matches("\\d+[kmg]");
        });
    }

    @Test
    void dependencies_andVolumes_exist() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> m) {
                assertThat(services.keySet()).as(name + " depends_on").containsAll(keys(m));
            }
            for (String volume : strings(service.get("volumes"))) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(root.resolve(source.substring(2)))
                            .as(name + " mounts " + source)
                            .exists();
                } else {
                    assertThat(keys(map(compose, "volumes")))
                            .as(name + " volume " + source)
                            .contains(source);
                }
            }
        });
    }

    @Test
    void kafka_keepsItsLogDirectoryInsideItsVolume() {
        Map<String, Object> kafka = services.get("kafka");
        String mountedAt = strings(kafka.get("volumes")).stream()
                .filter(v -> v.startsWith("kafka-data:"))
                .map(v -> v.split(":")[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("kafka has no kafka-data volume"));
        String logDirs = String.valueOf(environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(logDirs)
                .as("KAFKA_LOG_DIRS (the image's default is outside the volume)")
                .isNotEqualTo("null");
        for (String dir : logDirs.split(",")) {
            assertThat(dir.equals(mountedAt) || dir.startsWith(mountedAt + "/"))
                    .as(dir + " inside " + mountedAt)
                    .isTrue();
        }
    }

    @Test
    void prometheus_scrapesEveryCpsServiceOnItsPort() throws IOException {
        Map<String, Object> prometheus = yaml(mounted("prometheus", "/etc/prometheus/prometheus.yml"));
        Set<String> targets = new TreeSet<>();
        for (Object job : list(prometheus, "scrape_configs")) {
            Map<String, Object> j = asMap(job);
            if (!"/actuator/prometheus".equals(j.get("metrics_path"))) {
                continue;
            }
            for (Object config : list(j, "static_configs")) {
                targets.addAll(strings(asMap(config).get("targets")));
            }
        }
        Set<String> expected = new TreeSet<>();
        cpsServices()
                .forEach(name -> expected.add(name + ":" + environment(name).get("PORT")));
        assertThat(cpsServices()).as("the CPS services in compose").hasSizeGreaterThanOrEqualTo(7);
        assertThat(targets).as("Prometheus targets at /actuator/prometheus").containsAll(expected);
    }

    @Test
    void prometheus_loadsAlertRules_forDeadLettersSlaBreachesLagAndFailedPayments() throws IOException {
        Map<String, Object> prometheus = yaml(mounted("prometheus", "/etc/prometheus/prometheus.yml"));
        List<String> ruleFiles = strings(prometheus.get("rule_files"));
        assertThat(ruleFiles).isNotEmpty();
        Path rulesDirectory = mounted("prometheus", "/etc/prometheus/rules");
        List<Map<String, Object>> rules = new ArrayList<>();
        try (var files = Files.list(rulesDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                assertThat(ruleFiles.stream()
                                .anyMatch(glob -> matches(glob, "/etc/prometheus/rules/" + file.getFileName())))
                        .as(file + " is loaded by rule_files")
                        .isTrue();
                for (Object group : list(yaml(file), "groups")) {
                    list(asMap(group), "rules").forEach(rule -> rules.add(asMap(rule)));
                }
            }
        }
        for (Map<String, Object> rule : rules) {
            assertThat(rule.get("alert")).as("every rule is an alert").isNotNull();
            assertThat(String.valueOf(rule.get("expr")))
                    .as(rule.get("alert") + " expr")
                    .isNotBlank();
            assertThat(map(rule, "labels").get("severity"))
                    .as(rule.get("alert") + " severity")
                    .isNotNull();
            assertThat(map(rule, "annotations").get("summary"))
                    .as(rule.get("alert") + " summary")
                    .isNotNull();
        }
        String expressions =
                rules.stream().map(r -> String.valueOf(r.get("expr"))).collect(Collectors.joining("\n"));
        assertThat(expressions)
                .contains("cps_dead_letters_open")
                .contains("cps_verification_sla_breached_total")
                .contains("cps_processor_lag")
                .contains("cps.billing.PaymentFailed.v1");
    }

    @Test
    void grafana_isProvisionedWithPrometheus_andTheCpsDashboard() throws IOException {
        Path provisioning = mounted("grafana", "/etc/grafana/provisioning");
        Map<String, Object> datasource =
                asMap(list(yaml(provisioning.resolve("datasources/prometheus.yml")), "datasources")
                        .get(0));
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("isDefault", true);
        assertThat(String.valueOf(datasource.get("url"))).isEqualTo("http://prometheus:9090");
        assertThat(services).containsKey("prometheus");

        String dashboards = String.valueOf(map(
                        asMap(list(yaml(provisioning.resolve("dashboards/cps.yml")), "providers")
                                .get(0)),
                        "options")
                .get("path"));
        Path dashboard = mounted("grafana", dashboards + "/cps-dashboard.json");
        assertThat(root.relativize(dashboard).toString().replace('\\', '/'))
                .isEqualTo("docs/observability/cps-dashboard.json");
        assertThat(Files.readString(dashboard)).contains("\"panels\"").contains("cps_processor_lag");
    }

    @Test
    void tracesGoToJaegerOverOtlp_andEveryServiceLogsJson() {
        assertThat(String.valueOf(services.get("jaeger").get("image"))).startsWith("jaegertracing/");
        for (String name : cpsServices()) {
            Map<String, Object> env = environment(name);
            assertThat(String.valueOf(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")))
                    .as(name + " structured logs")
                    .matches("(\\$\\{CPS_LOG_FORMAT:-)?(ecs|logstash|gelf)}?");
            assertThat(String.valueOf(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")))
                    .as(name + " OTLP endpoint")
                    .startsWith("http://jaeger:4318");
        }
    }

    /** Issue #16, finding 3: the captured e-mails (password links) and the keys stay on this machine. */
    @Test
    void onlyTheEntryPointFacesTheNetwork_andTheSecretsAreOwnerOnly() throws Exception {
        services.forEach((name, service) -> {
            Object ports = service.get("ports");
            if (ports == null || name.equals("entry-point")) {
                return;
            }
            for (Object port : (List<?>) ports) {
                assertThat(String.valueOf(port))
                        .as("%s publishes %s", name, port)
                        .startsWith("127.0.0.1:");
            }
        });
        assertThat(Files.readString(root.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readString(root.resolve("deploy/generate-env.sh"))).contains("umask 077", "chmod 600 .env");
    }

    @Test
    void generateEnv_isPosixSh_withoutGnuOnlyFlags() throws Exception {
        Path script = root.resolve("deploy/generate-env.sh");
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/bin/sh\n");
        String code = text.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
        for (String bashOrGnu : List.of(
                "[[",
                "pipefail",
                "base64 -w",
                "readlink -f",
                "sed -i",
                "grep -P",
                "date -d",
                "echo -e",
                "function ",
                "<<<",
                "mktemp --",
                "local ")) {
            assertThat(code).as("not POSIX or GNU-only: " + bashOrGnu).doesNotContain(bashOrGnu);
        }
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh");
        Process syntax = new ProcessBuilder(sh.toString(), "-n", script.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(syntax.exitValue())
                .as(new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    @Test
    void generateEnv_writesEveryVariableComposeRequires(@TempDir Path copy) throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Files.createDirectories(copy.resolve("deploy"));
        Files.copy(root.resolve("deploy/generate-env.sh"), copy.resolve("deploy/generate-env.sh"));
        // a stand-in for htpasswd (apache2-utils), answering as it does: ":$2y$10$..." and two newlines
        Path bin = Files.createDirectories(copy.resolve("bin"));
        Path htpasswd = bin.resolve("htpasswd");
        Files.writeString(
                htpasswd, "#!/bin/sh\nprintf ':$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234\\n\\n'\n");
        assertThat(htpasswd.toFile().setExecutable(true)).isTrue();
        ProcessBuilder run = new ProcessBuilder(
                        "/bin/sh", copy.resolve("deploy/generate-env.sh").toString())
                .redirectErrorStream(true);
        run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Properties written = new Properties();
        written.load(Files.newBufferedReader(copy.resolve(".env")));
        Matcher required =
                Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(Files.readString(root.resolve("docker-compose.yml")));
        Set<String> requiredNames = new TreeSet<>();
        while (required.find()) {
            requiredNames.add(required.group(1));
        }
        assertThat(requiredNames).isNotEmpty();
        for (String name : requiredNames) {
            assertThat(written.getProperty(name)).as(name + " in .env").isNotBlank();
        }
        assertThat(written.getProperty("CPS_OPERATOR_PASSWORD_HASH")).startsWith("'{bcrypt}$2a$10$");
    }

    // ---- reading the files --------------------------------------------------------------------------------------

    /** The CPS services: those built from this repository's images. */
    private static List<String> cpsServices() {
        return services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("cps/"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The file or directory of this repository that {@code service} mounts at {@code containerPath}. */
    private static Path mounted(String service, String containerPath) {
        for (String volume : strings(services.get(service).get("volumes"))) {
            String[] parts = volume.split(":");
            if (!parts[0].startsWith("./")) {
                continue;
            }
            Path source = root.resolve(parts[0].substring(2)).normalize();
            if (parts[1].equals(containerPath)) {
                return source;
            }
            if (containerPath.startsWith(parts[1] + "/")) {
                return source.resolve(containerPath.substring(parts[1].length() + 1));
            }
        }
        throw new AssertionError(service + " mounts nothing of this repository at " + containerPath);
    }

    private static Map<String, Object> environment(String service) {
        Object env = services.get(service).get("environment");
        return env == null ? Map.of() : asMap(env);
    }

    private static boolean matches(String glob, String path) {
        return path.matches(glob.replace(".", "\\.").replace("*", "[^/]*"));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // compose refuses them too
        Object loaded = new Yaml(options).load(Files.readString(file));
        assertThat(loaded).as(file + " is a YAML mapping").isInstanceOf(Map.class);
        return asMap(loaded);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : asMap(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static Set<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    }
}
