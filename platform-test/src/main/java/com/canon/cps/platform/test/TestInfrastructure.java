package com.canon.cps.platform.test;

import com.canon.cps.platform.embedded.EmbeddedInfrastructure;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.security.Pem;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded servers shared by every integration test of one JVM (a Surefire/Failsafe fork): started on first
 * use, on random ports with temporary data, stopped when the JVM exits. Each service gets its own PostgreSQL and
 * Mongo database, as in production. Also holds the RS256 key pair that test tokens are signed with.
 */
public final class TestInfrastructure {

    private static EmbeddedInfrastructure infrastructure;
    private static final KeyPair KEYS = Pem.generateRsa();

    /**
     * The keys account-service and verification-service seal secrets with for notification-service (ADR 20), made
     * afresh for each test JVM; tests that read the topics as notification-service does open the values with them.
     */
    /** The master key that wraps every test service's data keys (crypto-shredding, ADR 23). */
    public static final String PRIVACY_MASTER_KEY = SealedSecrets.generateKey();

    public static final String ACCOUNT_SEAL_KEY = SealedSecrets.generateKey();

    public static final String VERIFICATION_SEAL_KEY = SealedSecrets.generateKey();

    /**
     * account-service's previous key: notification-service holds it too, as during a rotation's overlap, so the tests
     * show that values sealed with it still open.
     */
    public static final String PREVIOUS_ACCOUNT_SEAL_KEY = SealedSecrets.generateKey();

    private TestInfrastructure() {}

    public static synchronized EmbeddedInfrastructure get() {
        if (infrastructure == null) {
            infrastructure = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests());
            EmbeddedInfrastructure started = infrastructure;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-infrastructure-shutdown"));
        }
        return infrastructure;
    }

    public static KeyPair keys() {
        return KEYS;
    }

    public static String publicKeyPem() {
        return Pem.encodePublic((RSAPublicKey) KEYS.getPublic());
    }

    public static String privateKeyPem() {
        return Pem.encodePrivate((RSAPrivateKey) KEYS.getPrivate());
    }

    /** Connection settings of the embedded servers for one service's context. */
    /** The password Prometheus scrapes {@code /actuator/prometheus} with in the tests (user {@code prometheus}). */
    public static final String SCRAPE_PASSWORD = "test-scrape-password";

    public static Map<String, Object> serviceProperties(String service) {
        EmbeddedInfrastructure infra = get();
        infra.postgres().ensureDatabase(service);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", infra.postgres().jdbcUrl(service));
        p.put("spring.datasource.username", infra.postgres().username());
        p.put("spring.datasource.password", infra.postgres().password());
        p.put("spring.mongodb.uri", infra.mongo().connectionString() + "/" + service);
        p.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", infra.smtp().port());
        p.put("cps.jwt.public-key", publicKeyPem());
        p.put("cps.account.private-key", privateKeyPem());
        p.put("cps.account.password-token-key", "test-password-token-key-0123456789abcdef");
        p.put("cps.account.notification-seal-key", ACCOUNT_SEAL_KEY);
        p.put("cps.verification.notification-seal-key", VERIFICATION_SEAL_KEY);
        p.put("cps.privacy.master-keys", PRIVACY_MASTER_KEY);
        p.put("cps.notification.seal-keys.account", ACCOUNT_SEAL_KEY + "," + PREVIOUS_ACCOUNT_SEAL_KEY);
        p.put("cps.notification.seal-keys.verification", VERIFICATION_SEAL_KEY);
        p.put("cps.node-id", "test");
        p.put("cps.management.scrape-password", SCRAPE_PASSWORD);
        p.put("cps.simulators.enabled", "true"); // the VAT registries and the payment gateway are simulated
        // a test applies and logs in many times from this machine; the limits per source have tests of their own
        p.put("cps.http.sources.exempt", "127.0.0.1,::1");
        return p;
    }
}
