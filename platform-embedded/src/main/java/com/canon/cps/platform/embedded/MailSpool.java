package com.canon.cps.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of captured messages, one {@code <sequence>.eml} file each, written so that a message the SMTP server
 * acknowledged is on disk even if the JVM is killed right after: write to a temp file, fsync it, rename it into
 * place atomically, fsync the directory.
 */
final class MailSpool {

    private static final Logger log = LoggerFactory.getLogger(MailSpool.class);

    private static final String SUFFIX = ".eml";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;
    private long nextSequence;

    private MailSpool(Path dir, long nextSequence) {
        this.dir = dir;
        this.nextSequence = nextSequence;
    }

    /** Opens (creating if needed) the spool, discarding half-written files of a crashed run. */
    static MailSpool open(Path dir) {
        Path absolute = Directories.create(dir.toAbsolutePath());
        long last = 0;
        try (Stream<Path> files = Files.list(absolute)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file); // never acknowledged to the sender
                } else if (name.endsWith(SUFFIX)) {
                    last = Math.max(last, sequenceOf(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read mail spool " + absolute, e);
        }
        return new MailSpool(absolute, last + 1);
    }

    /** All stored messages in arrival order (oldest first); unreadable files are logged and skipped. */
    List<CapturedMail> load() {
        List<CapturedMail> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> stored = files.filter(
                            file -> file.getFileName().toString().endsWith(SUFFIX))
                    .sorted((a, b) -> Long.compare(sequenceOf(a), sequenceOf(b)))
                    .toList();
            for (Path file : stored) {
                try {
                    mails.add(MailFiles.decode(Files.readAllBytes(file)));
                } catch (Exception e) {
                    log.warn("Skipping unreadable captured mail {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read mail spool " + dir, e);
        }
        return mails;
    }

    /** Stores one message durably; returns only once it is on disk. */
    synchronized void store(byte[] message) throws IOException {
        String name = String.format("%012d", nextSequence);
        Path temp = dir.resolve(name + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(message);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory();
        nextSequence++;
    }

    Path dir() {
        return dir;
    }

    /** Makes the rename itself durable (Linux/macOS; directories cannot be opened for fsync on Windows). */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            log.debug("Could not fsync directory {}: {}", dir, e.toString());
        }
    }

    private static long sequenceOf(Path file) {
        return sequenceOf(file.getFileName().toString());
    }

    private static long sequenceOf(String name) {
        String digits = name.substring(0, name.indexOf('.'));
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
