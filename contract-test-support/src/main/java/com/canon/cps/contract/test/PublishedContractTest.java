package com.canon.cps.contract.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The contract test every contract module runs (one small subclass each, in test scope):
 *
 * <ul>
 *   <li>each event record against its checked-in JSON Schema ({@code META-INF/cps/schemas/<ce_type>.schema.json}): a
 *       field removed, renamed or retyped fails as a breaking change, a new field not yet in the schema as an
 *       additive change to write down;
 *   <li>each golden sample ({@code META-INF/cps/samples/<ce_type>.json} in the contract artifact) validates against the schema, carries
 *       every field and reads into the record;
 *   <li>the AsyncAPI document (in the artifact as {@code META-INF/cps/asyncapi-<service>.yaml}, and as
 *       {@code docs/asyncapi/<service>.yaml}) is exactly what the contract generates, and documents every event type.
 * </ul>
 *
 * <p>With {@code -Dcps.contracts.update=true} the test writes what it may generate: a schema for a new event type
 * (then review it: nullability, descriptions) and the AsyncAPI documents. It never rewrites an existing schema: that
 * is the published contract.
 */
public abstract class PublishedContractTest {

    private static final boolean UPDATE = Boolean.getBoolean("cps.contracts.update");

    private final ContractModule module;
    private final String description;

    /**
     * @param service the short service name ({@code membership}): package {@code com.canon.cps.<service>.contract},
     *     topic {@code cps.<service>.events}
     * @param description what the service's events are about, for the AsyncAPI document
     */
    protected PublishedContractTest(String service, String description) {
        this.module = new ContractModule(service);
        this.description = description;
    }

    @TestFactory
    Stream<DynamicTest> eachRecordMatchesItsCheckedInSchema() {
        return each(event -> {
            JsonNode schema = schema(event);
            List<String> problems = new ArrayList<>(GoldenSampleCheck.metaSchemaProblems(schema).stream()
                    .map(p -> event.type() + ": the schema is not valid JSON Schema 2020-12: " + p)
                    .toList());
            problems.addAll(SchemaCheck.compare(event, schema, module.display(module.schemaFile(event))));
            if (!problems.isEmpty()) {
                fail(String.join("\n", problems));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> eachGoldenSampleReadsIntoItsRecord() {
        return each(event -> {
            Path file = module.goldenFile(event);
            if (!Files.isRegularFile(file)) {
                fail("no golden sample for " + event.type() + ": write " + module.display(file)
                        + " (one realistic event, every field present), then keep it frozen");
            }
            List<String> problems = GoldenSampleCheck.check(event, schema(event), read(file), module.display(file));
            if (!problems.isEmpty()) {
                fail(String.join("\n", problems));
            }
        });
    }

    @Test
    void everyCheckedInSchemaAndGoldenSampleHasItsRecord() {
        Set<String> types = module.events().stream().map(EventType::type).collect(Collectors.toSet());
        List<String> orphans = new ArrayList<>();
        orphans.addAll(orphans(module.schemasDirectory(), ".schema.json", types));
        orphans.addAll(orphans(module.goldenDirectory(), ".json", types));
        assertTrue(
                orphans.isEmpty(),
                () -> "files of event types without a record (a published type cannot just disappear: keep its"
                        + " record until the version is retired, see docs/contracts.md): " + orphans);
    }

    @Test
    void asyncApiDocumentIsGeneratedFromTheContract() throws IOException {
        List<AsyncApiDocument.Message> messages = new ArrayList<>();
        for (EventType event : module.events()) {
            Path golden = module.goldenFile(event);
            if (Files.isRegularFile(module.schemaFile(event)) && Files.isRegularFile(golden)) {
                messages.add(new AsyncApiDocument.Message(event, schema(event), read(golden)));
            } else {
                fail("the schema and the golden sample of " + event.type() + " are needed first");
            }
        }
        String expected = AsyncApiDocument.yaml(module, description, messages);
        boolean written = false;
        for (Path file : List.of(module.asyncApiFile(), module.asyncApiDocsFile())) {
            String actual = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (expected.equals(actual)) {
                continue;
            }
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                written = true;
            } else {
                fail(module.display(file) + " is " + (actual == null ? "missing" : "out of date")
                        + ": it is generated from the contract; run " + module.updateCommand());
            }
        }
        // what a reader of the served document finds (just written: the classpath has the old one until the next build)
        JsonNode served;
        if (written) {
            served = AsyncApiDocument.YAML.readTree(expected);
        } else {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(module.asyncApiResource())) {
                assertTrue(in != null, () -> module.asyncApiResource() + " is not on the classpath");
                served = AsyncApiDocument.YAML.readTree(in);
            }
        }
        assertEquals(AsyncApiDocument.ASYNCAPI_VERSION, served.path("asyncapi").asString());
        Set<String> documented = new TreeSet<>();
        served.path("components")
                .path("messages")
                .forEach(m -> documented.add(m.path("name").asString()));
        Set<String> published = new TreeSet<>();
        module.events().forEach(e -> published.add(e.type()));
        assertEquals(published, documented, "event types documented in " + module.asyncApiResource());
        if (!published.isEmpty()) {
            assertEquals(
                    module.topic(),
                    served.path("channels")
                            .path(module.service() + "Events")
                            .path("address")
                            .asString());
        }
    }

    private Stream<DynamicTest> each(EventCheck check) {
        List<EventType> events = module.events();
        if (events.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(module.service() + " publishes no events", () -> {}));
        }
        return events.stream().map(event -> DynamicTest.dynamicTest(event.type(), () -> check.run(event)));
    }

    private interface EventCheck {
        void run(EventType event) throws Exception;
    }

    /** The checked-in schema; a new event type gets one written in update mode, for review. */
    private JsonNode schema(EventType event) {
        Path file = module.schemaFile(event);
        if (!Files.isRegularFile(file)) {
            if (UPDATE) {
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, PrettyJson.write(RecordSchemas.generate(event, true)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                fail("wrote " + module.display(file) + " for the new event type " + event.type()
                        + ": every field of a reference type allows null; make those that never are non-null, write"
                        + " the descriptions, then run the test again");
            }
            fail("no JSON Schema for " + event.type() + ": run " + module.updateCommand() + " to write "
                    + module.display(file) + ", then review it");
        }
        return read(file);
    }

    private JsonNode read(Path file) {
        try {
            return GoldenSampleCheck.STRICT.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new AssertionError(module.display(file) + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private List<String> orphans(Path directory, String suffix, Set<String> types) {
        List<String> orphans = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return orphans;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.endsWith(suffix) || !types.contains(f.substring(0, f.length() - suffix.length())))
                    .sorted()
                    .forEach(f -> orphans.add(module.display(directory.resolve(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orphans;
    }
}
