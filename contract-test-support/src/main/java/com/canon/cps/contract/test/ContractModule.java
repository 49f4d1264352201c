package com.canon.cps.contract.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A contract module as its test sees it: the service, the records of {@code com.canon.cps.<service>.contract}, and
 * where its checked-in files are (the module's sources, the repository's {@code docs/asyncapi}).
 */
public final class ContractModule {

    private final String service;
    private final String packageName;
    private final Path basedir;
    private final Path root;

    ContractModule(String service) {
        this.service = service;
        this.packageName = "com.canon.cps." + service + ".contract";
        this.basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        this.root = findRoot(basedir);
    }

    public String service() {
        return service;
    }

    public String topic() {
        return "cps." + service + ".events";
    }

    public String source() {
        return "/cps/" + service + "-service";
    }

    public Path basedir() {
        return basedir;
    }

    /** The repository root: the nearest directory above the module with {@code docs/contracts.md}. */
    public Path root() {
        return root;
    }

    public Path mainResources() {
        return basedir.resolve("src/main/resources");
    }

    public Path schemaFile(EventType event) {
        return mainResources().resolve(event.schemaResource());
    }

    public Path goldenFile(EventType event) {
        return mainResources().resolve(event.goldenResource());
    }

    public Path schemasDirectory() {
        return mainResources().resolve("META-INF/cps/schemas");
    }

    public Path goldenDirectory() {
        return mainResources().resolve("META-INF/cps/samples");
    }

    /** The AsyncAPI document inside the contract artifact, which the service serves at {@code /asyncapi.yaml}. */
    public String asyncApiResource() {
        return "META-INF/cps/asyncapi-" + service + ".yaml";
    }

    public Path asyncApiFile() {
        return mainResources().resolve(asyncApiResource());
    }

    /** The copy for readers of the repository. */
    public Path asyncApiDocsFile() {
        return root.resolve("docs/asyncapi/" + service + ".yaml");
    }

    /** A path for messages: relative to the repository root. */
    public String display(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** The Maven command that rewrites the generated files of this module. */
    public String updateCommand() {
        return "./mvnw -pl " + display(basedir) + " test -Dcps.contracts.update=true";
    }

    /** Every event record of the module's package, ordered by {@code ce_type}. */
    public List<EventType> events() {
        List<EventType> events = new ArrayList<>();
        for (Class<?> type : classes()) {
            EventType.of(type, service).ifPresent(events::add);
        }
        Collections.sort(events);
        return events;
    }

    private List<Class<?>> classes() {
        TreeSet<String> names = new TreeSet<>();
        String path = packageName.replace('.', '/');
        try {
            Enumeration<URL> roots = getClass().getClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString())
                                .filter(f -> f.endsWith(".class") && !f.contains("$"))
                                .forEach(f -> names.add(packageName + "." + f.substring(0, f.length() - 6)));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (entry.startsWith(path + "/")
                                    && entry.endsWith(".class")
                                    && entry.indexOf('/', path.length() + 1) < 0
                                    && !entry.contains("$")) {
                                names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".package-info")) {
                continue;
            }
            try {
                classes.add(Class.forName(name, false, getClass().getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static Path findRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/contracts.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/contracts.md above " + from + ": run the test inside the repository");
    }
}
