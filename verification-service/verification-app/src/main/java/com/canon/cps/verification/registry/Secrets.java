package com.canon.cps.verification.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credential from the environment or from a file (e.g. a container secret mounted at {@code /run/secrets/...}),
 * never from the repository: the value when it is set, otherwise the file's content without surrounding white space.
 */
final class Secrets {

    private Secrets() {}

    /** The secret, or {@code null} when neither the value nor the file is set. */
    static String resolve(String value, String file, String name) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from " + file, e);
        }
    }
}
