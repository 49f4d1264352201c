package com.canon.cps.portal.browser;

import com.canon.cps.local.LocalOptions;
import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.embedded.CapturedMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The whole local platform as {@code ./cps-local} runs it (seven services, the portal, the entry point, embedded
 * servers), on ports offset by 4000 (PostgreSQL's and Kafka's below the kernel's ephemeral range, where another
 * process's outgoing connection could hold them), shared by every browser test of this JVM and stopped when the JVM
 * exits.
 * Tests use fresh e-mail addresses, so they do not interfere.
 */
final class BrowserPlatform {

    static final int OFFSET = 4000;
    private static LocalPlatform platform;

    private BrowserPlatform() {}

    static synchronized LocalPlatform get() {
        if (platform == null) {
            try {
                platform =
                        LocalPlatform.start(new LocalOptions(Files.createTempDirectory("cps-browser"), false, OFFSET));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPlatform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "browser-platform-shutdown"));
        }
        return platform;
    }

    /** The address a person types: the entry point. */
    static String baseUrl() {
        return "http://localhost:" + get().entryPointPort();
    }

    static List<CapturedMail> mailTo(String address) {
        return Mails.MAIL.to(address);
    }
}
