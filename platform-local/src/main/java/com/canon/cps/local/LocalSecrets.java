package com.canon.cps.local;

import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.security.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The local platform's secrets, made on first start and kept in the data directory (so tokens and the operator
 * password stay valid across restarts): the RS256 key pair of account-service, the operator's password
 * and the key password-setup links are derived with.
 */
record LocalSecrets(
        String publicKeyPem,
        String privateKeyPem,
        String operatorEmail,
        String operatorPassword,
        String passwordTokenKey,
        String scrapePassword,
        String accountSealKey,
        String verificationSealKey,
        String privacyMasterKey) {

    static final String OPERATOR_EMAIL = "operator@cps.local";

    /** The file under {@code <data dir>/secrets} with the password of /actuator/prometheus (user prometheus). */
    public static final String SCRAPE_PASSWORD_FILE = "scrape-password";

    static LocalSecrets load(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("secrets"));
            ownerOnly(dir, "rwx------");
            Path pub = dir.resolve("jwt-public.pem");
            Path priv = dir.resolve("jwt-private.pem");
            Path password = dir.resolve("operator-password");
            Path tokenKey = dir.resolve("password-token-key");
            Path scrape = dir.resolve(SCRAPE_PASSWORD_FILE);
            Path accountSeal = dir.resolve("account-notification-seal-key");
            Path verificationSeal = dir.resolve("verification-notification-seal-key");
            Path privacyMaster = dir.resolve("privacy-master-key");
            if (!Files.exists(priv) || !Files.exists(pub)) {
                KeyPair pair = Pem.generateRsa();
                writeSecret(pub, Pem.encodePublic((RSAPublicKey) pair.getPublic()));
                writeSecret(priv, Pem.encodePrivate((RSAPrivateKey) pair.getPrivate()));
            }
            if (!Files.exists(password)) {
                byte[] random = new byte[9];
                new SecureRandom().nextBytes(random);
                writeSecret(password, "Op-" + HexFormat.of().formatHex(random));
            }
            if (!Files.exists(tokenKey)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                writeSecret(tokenKey, HexFormat.of().formatHex(random));
            }
            if (!Files.exists(scrape)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                writeSecret(scrape, HexFormat.of().formatHex(random));
            }
            for (Path sealKey : List.of(accountSeal, verificationSeal, privacyMaster)) {
                if (!Files.exists(sealKey)) {
                    writeSecret(sealKey, SealedSecrets.generateKey());
                }
            }
            for (Path secret :
                    List.of(pub, priv, password, tokenKey, scrape, accountSeal, verificationSeal, privacyMaster)) {
                ownerOnly(secret, "rw-------"); // also what an earlier version wrote with default permissions
            }
            return new LocalSecrets(
                    Files.readString(pub),
                    Files.readString(priv),
                    OPERATOR_EMAIL,
                    Files.readString(password, StandardCharsets.UTF_8).trim(),
                    Files.readString(tokenKey).trim(),
                    Files.readString(scrape).trim(),
                    Files.readString(accountSeal).trim(),
                    Files.readString(verificationSeal).trim(),
                    Files.readString(privacyMaster).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the file readable and writable by its owner only, before anything is written into it. */
    private static void writeSecret(Path file, String text) throws IOException {
        if (supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (supportsPosix(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    String operatorPasswordHash() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(operatorPassword);
    }
}
