package com.canon.cps.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The "next build" of points-service for the rolling restart of the separate shape: a real second application jar,
 * made from the one the launcher runs. Its {@code points-contract} library carries the contract event {@code
 * PointsBalanceChanged} with one new optional field, {@value #FIELD} (the fixture {@code
 * src/test/fixtures/points-next-build/PointsBalanceChanged.java}, compiled here); everything else is the same build.
 * The service's publisher calls the record's eight-field constructor, which in the next build fills the new field, so
 * the records that build publishes on {@code cps.points.events} carry it while the consumers (membership,
 * notification) still run on the old contract.
 */
final class NextBuild {

    /** The optional field the next build adds to {@code PointsBalanceChanged}. */
    static final String FIELD = "previousBalance";

    private static final Path FIXTURE = Path.of("src/test/fixtures/points-next-build/PointsBalanceChanged.java");
    private static final String CLASS_FILE = "com/canon/cps/points/contract/PointsBalanceChanged.class";

    private NextBuild() {}

    /** Builds the next points jar from {@code currentJar} in {@code work}; returns the new jar. */
    static Path points(Path currentJar, Path work) {
        try {
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path lib = Files.createDirectories(
                    work.resolve("staging").resolve("BOOT-INF").resolve("lib"));
            String contract;
            try (FileSystem jar = FileSystems.newFileSystem(currentJar);
                    Stream<Path> libs = Files.list(jar.getPath("BOOT-INF", "lib"))) {
                Path nested = libs.filter(p -> p.getFileName().toString().startsWith("points-contract-"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no points-contract in " + currentJar));
                contract = nested.getFileName().toString();
                Files.copy(nested, lib.resolve(contract));
            }
            int compiled = javax.tools.ToolProvider.getSystemJavaCompiler()
                    .run(null, null, null, "--release", "17", "-d", classes.toString(), FIXTURE.toString());
            if (compiled != 0) {
                throw new IllegalStateException("could not compile " + FIXTURE);
            }
            jar("--update", "--file", lib.resolve(contract).toString(), "-C", classes.toString(), CLASS_FILE);
            Path next = work.resolve(currentJar.getFileName());
            Files.copy(currentJar, next);
            // a Spring Boot jar holds its libraries uncompressed
            jar(
                    "--update",
                    "--no-compress",
                    "--file",
                    next.toString(),
                    "-C",
                    work.resolve("staging").toString(),
                    "BOOT-INF/lib/" + contract);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the next points jar in " + work, e);
        }
    }

    private static void jar(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int code = java.util.spi.ToolProvider.findFirst("jar")
                .orElseThrow(() -> new IllegalStateException("no jar tool in this JDK"))
                .run(print, print, arguments);
        if (code != 0) {
            throw new IllegalStateException("jar " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
