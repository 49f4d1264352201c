package com.canon.cps.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.platform.security.Pem;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordSetupTokensTest {

    private static final byte[] KEY = "test-key-0123456789-0123456789-0123456789".getBytes(StandardCharsets.UTF_8);

    private final PasswordSetupTokens tokens = new PasswordSetupTokens(KEY);

    @Test
    void tokenIsHmacSha256OfAccountAndIssue_base64UrlWithoutPadding() {
        // reference value computed independently: printf 'acc-1\nissue-1' | openssl dgst -sha256 -hmac <KEY> -binary |
        // base64url
        assertThat(tokens.tokenFor("acc-1", "issue-1")).isEqualTo("GmNLtq3dhfrf9z4Urh-I5Tb9ZJGCEJuLnhn8T5c-I6M");
        assertThat(tokens.tokenFor("acc-1", "issue-1")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void sameInputsGiveTheSameToken_soThePublisherAndTheStoreAgree() {
        PasswordSetupTokens other = new PasswordSetupTokens(KEY.clone());
        assertThat(other.tokenFor("acc-1", "issue-1")).isEqualTo(tokens.tokenFor("acc-1", "issue-1"));
    }

    @Test
    void tokensDifferPerIssue_perAccount_andPerKey() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(tokens.tokenFor("acc-1", UUID.randomUUID().toString())))
                    .isTrue();
        }
        assertThat(tokens.tokenFor("acc-2", "issue-1")).isNotEqualTo(tokens.tokenFor("acc-1", "issue-1"));
        assertThat(tokens.tokenFor("acc-1", "2-issue"))
                .as("the separator keeps pairs apart that would concatenate alike")
                .isNotEqualTo(tokens.tokenFor("acc-12", "-issue"));
        PasswordSetupTokens otherKey =
                new PasswordSetupTokens("another-key-0123456789-0123456789-01234".getBytes(StandardCharsets.UTF_8));
        assertThat(otherKey.tokenFor("acc-1", "issue-1")).isNotEqualTo(tokens.tokenFor("acc-1", "issue-1"));
    }

    @Test
    void storedHashIsSha256Hex_andNotTheToken() {
        String token = tokens.tokenFor("acc-1", "issue-1");
        String hash = PasswordSetupTokens.hash(token);
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(token).isEqualTo(PasswordSetupTokens.hash(token));
        assertThat(PasswordSetupTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 vector
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new PasswordSetupTokens("too-short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredKeyIsUsed_otherwiseOneIsDerivedFromTheSigningKey() {
        KeyPair rsa = Pem.generateRsa();
        String pem = Pem.encodePrivate((RSAPrivateKey) rsa.getPrivate());
        String configured = new String(KEY, StandardCharsets.UTF_8);

        PasswordSetupTokens fromConfigured = new PasswordSetupTokens(settings(configured, pem));
        PasswordSetupTokens derived = new PasswordSetupTokens(settings(null, pem));
        PasswordSetupTokens derivedAgain = new PasswordSetupTokens(settings("  ", pem));

        assertThat(fromConfigured.tokenFor("a", "i")).isEqualTo(tokens.tokenFor("a", "i"));
        assertThat(derived.tokenFor("a", "i"))
                .isEqualTo(derivedAgain.tokenFor("a", "i"))
                .isNotEqualTo(tokens.tokenFor("a", "i"));
        assertThatThrownBy(() -> new PasswordSetupTokens(settings(null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cps.account.password-token-key");
    }

    private static AccountSettings settings(String key, String privateKey) {
        return new AccountSettings(
                Set.of("GB"),
                List.of(),
                Duration.ofMinutes(15),
                privateKey,
                key,
                Duration.ofHours(72),
                null,
                Duration.ofHours(12),
                null,
                null,
                null);
    }
}
