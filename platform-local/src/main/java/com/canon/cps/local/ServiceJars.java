package com.canon.cps.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code --separate} finds each service's own application jar (the Spring Boot jar with the service's
 * dependencies only, {@code <service>-service-<version>-exec.jar}): first the build's {@code
 * <service>-service/<service>-app/target} in this source tree (found from the working directory upwards; what
 * {@code ./cps-local} has just built), else the local Maven repository; {@code -Dcps.local.jars=DIR} points
 * elsewhere (a directory holding the jars).
 */
final class ServiceJars {

    private ServiceJars() {}

    /** The jar of {@code module} ({@code account-service}, ..., {@code portal-service}). */
    static Path find(String module, String app) {
        String override = System.getProperty("cps.local.jars");
        if (override != null) {
            return newest(Path.of(override), module)
                    .orElseThrow(() -> missing(module, "in " + override + " (-Dcps.local.jars)"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve(module).resolve(app).resolve("target");
            if (Files.isDirectory(target)) {
                Optional<Path> jar = newest(target, module);
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "canon", "cps", module);
        if (Files.isDirectory(repository)) {
            try (Stream<Path> versions = Files.list(repository)) {
                for (Path version : versions.filter(Files::isDirectory).toList()) {
                    Optional<Path> jar = newest(version, module);
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return missing(module);
    }

    private static Path missing(String module) {
        throw missing(module, "below the working directory's source tree nor in ~/.m2");
    }

    private static IllegalStateException missing(String module, String where) {
        return new IllegalStateException("no " + module + "-*-exec.jar " + where
                + "; build it first: ./mvnw -q -DskipTests install -pl platform-local -am");
    }

    private static Optional<Path> newest(Path dir, String module) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
                    })
                    .sorted(Comparator.comparing(ServiceJars::modified).reversed())
                    .toList();
            return jars.stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
