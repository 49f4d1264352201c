package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The root README's context map says what the services really do. A service's consumed topics are what its
 * {@code cps.consumes} names (the platform binds one consumer per name to {@code cps.<name>.events}); the events it
 * publishes are the {@code TYPE}s ({@code cps.<service>.<Name>.v<N>}) of its contract module. Both the diagram (topic
 * → consumers) and the table (service → publishes, consumes) are compared with them. Plain files, no platform start.
 */
class ContextMapTest {

    private static final Pattern ARROW = Pattern.compile("^(\\w+)\\s+─+ cps\\.(\\w+)\\.events ─+►\\s+(.*)$");
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\(\\d+\\) \\|(.*)\\|$");
    private static final Pattern TYPE = Pattern.compile("TYPE\\s*=\\s*\"cps\\.(\\w+)\\.(\\w+)\\.v\\d+\"");
    private static final String DOWNSTREAM = "downstream subscribers";

    private static Path root;
    private static List<String> contextMap;
    /** service → the sources it consumes, from each service's configuration. */
    private static Map<String, Set<String>> consumes;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
            assertThat(root)
                    .as("the repository root (README.md, mvnw) above the module")
                    .isNotNull();
        }
        contextMap = contextMapSection(Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8));
        consumes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .sorted()
                    .toList()) {
                Path yml = serviceConfiguration(dir);
                if (yml == null) {
                    continue;
                }
                Map<String, Object> cps = cpsSettings(yml);
                Object service = cps.get("service");
                if (service == null) {
                    continue; // portal-service: a backend for the browser, no Kafka
                }
                consumes.put(String.valueOf(service), names(cps.get("consumes")));
            }
        }
        assertThat(consumes)
                .as("services found with a cps.service setting under %s/*-service", root)
                .containsKeys("account", "verification", "product", "points", "membership", "billing", "notification");
    }

    @Test
    void theDiagram_namesEveryTopicsConsumers_asTheServicesConfigureThem() {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : contextMap) {
            Matcher m = ARROW.matcher(line);
            if (m.matches()) {
                assertThat(m.group(1))
                        .as("README context map: the topic cps.%s.events is published by its own service", m.group(2))
                        .isEqualTo(m.group(2));
                Set<String> consumers = names(m.group(3));
                consumers.remove(DOWNSTREAM);
                documented.put(m.group(2), consumers);
            }
        }
        Map<String, Set<String>> configured = new TreeMap<>();
        consumes.keySet().forEach(service -> configured.put(service, new TreeSet<>()));
        consumes.forEach((consumer, sources) -> sources.forEach(source ->
                configured.computeIfAbsent(source, s -> new TreeSet<>()).add(consumer)));
        configured.values().removeIf(Set::isEmpty);
        assertThat(documented)
                .as("README.md \"Context map\" diagram (topic → consuming services) against each service's"
                        + " cps.consumes; fix the diagram (or the configuration) so that they agree")
                .isEqualTo(configured);
    }

    @Test
    void theTable_namesWhatEachServiceConsumes_asItIsConfigured() {
        Map<String, Set<String>> documented = new TreeMap<>();
        table().forEach((service, cells) -> documented.put(service, names(cells.get(cells.size() - 1))));
        assertThat(documented)
                .as("README.md \"Context map\" table, column \"consumes\", against each service's cps.consumes in"
                        + " <service>-app/src/main/resources; write the sources out (no \"all\")")
                .isEqualTo(consumes);
    }

    @Test
    void theTable_namesWhatEachServicePublishes_asItsContractModuleDefinesIt() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        table().forEach((service, cells) ->
                documented.put(service, names(cells.get(cells.size() - 2).replaceAll("\\([^)]*\\)", ""))));
        Map<String, Set<String>> published = new TreeMap<>();
        for (String service : consumes.keySet()) {
            published.put(service, contractTypes(service));
        }
        assertThat(documented)
                .as("README.md \"Context map\" table, column \"publishes\", against the TYPE constants of each"
                        + " <service>-contract module")
                .isEqualTo(published);
    }

    /** The lines of the README's "Context map" section. */
    private static List<String> contextMapSection(List<String> readme) {
        int start = readme.indexOf("## Context map");
        assertThat(start).as("README.md has a section \"## Context map\"").isNotNegative();
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        return readme.subList(start + 1, end);
    }

    /** service → the table's cells after the service's name, in order. */
    private static Map<String, List<String>> table() {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : contextMap) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(
                        m.group(1),
                        Arrays.stream(m.group(2).split("\\|")).map(String::trim).toList());
            }
        }
        assertThat(rows).as("README.md \"Context map\" table rows").isNotEmpty();
        return rows;
    }

    private static Path serviceConfiguration(Path serviceDir) throws IOException {
        String service = serviceDir.getFileName().toString();
        try (Stream<Path> modules = Files.list(serviceDir)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().endsWith("-app"))
                    .toList()) {
                Path resources = module.resolve("src/main/resources");
                for (String name : List.of("application.yml", service + ".yml")) {
                    if (Files.exists(resources.resolve(name))) {
                        return resources.resolve(name);
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cpsSettings(Path yml) throws IOException {
        try (var in = Files.newInputStream(yml)) {
            Map<String, Object> document = new Yaml().load(in);
            Object cps = document == null ? null : document.get("cps");
            return cps instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    private static Set<String> contractTypes(String service) throws IOException {
        Path sources = root.resolve(service + "-service/" + service + "-contract/src/main/java");
        Set<String> types = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return types;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TYPE.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(1))
                            .as("service of the ce_type in %s", file)
                            .isEqualTo(service);
                    types.add(m.group(2));
                }
            }
        }
        return types;
    }

    /** The names in a YAML list or a comma-separated string; "–" or nothing is none. */
    private static Set<String> names(Object value) {
        if (value == null) {
            return new TreeSet<>();
        }
        Stream<String> items = value instanceof List<?> list
                ? list.stream().map(String::valueOf)
                : Arrays.stream(String.valueOf(value).split(","));
        return items.map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals("–") && !s.equals("-"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
