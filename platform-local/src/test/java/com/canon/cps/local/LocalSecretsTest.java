package com.canon.cps.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.sealing.SealedSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local platform's seal keys (ADR 20): made on first start, owner-only files, kept across restarts. */
class LocalSecretsTest {

    @Test
    void sealKeysAreMadeOnce_ownerOnly_andWork(@TempDir Path dataDir) throws Exception {
        LocalSecrets first = LocalSecrets.load(dataDir);
        LocalSecrets again = LocalSecrets.load(dataDir);

        assertThat(again.accountSealKey()).isEqualTo(first.accountSealKey());
        assertThat(again.verificationSealKey()).isEqualTo(first.verificationSealKey());
        assertThat(first.accountSealKey()).isNotEqualTo(first.verificationSealKey());
        for (String file : new String[] {"account-notification-seal-key", "verification-notification-seal-key"}) {
            Path key = dataDir.resolve("secrets").resolve(file);
            if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                        .isEqualTo("rw-------");
            }
        }
        SealedSecrets account = SealedSecrets.fromSetting("account", first.accountSealKey());
        assertThat(account.open(account.seal("secret", "ctx"), "ctx")).isEqualTo("secret");
    }
}
