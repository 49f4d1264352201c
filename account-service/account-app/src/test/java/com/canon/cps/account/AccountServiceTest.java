package com.canon.cps.account;

import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An integration test of account-service. Every IT class carries exactly this annotation (and nothing that changes
 * the context), so they all share one cached application context: one set of processors and one consumer group
 * against the shared embedded servers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CpsServiceTest
@Import(TestClock.Configuration.class)
@TestPropertySource(
        properties = {
            "cps.account.operators[0].email=" + AccountServiceTest.OPERATOR_EMAIL,
            "cps.account.operators[0].password-hash=" + AccountServiceTest.OPERATOR_PASSWORD_HASH,
            "cps.account.password-token-key=" + AccountServiceTest.PASSWORD_TOKEN_KEY
        })
public @interface AccountServiceTest {

    String OPERATOR_EMAIL = "ops@test.local";
    String OPERATOR_PASSWORD = "Operator-Test-Passw0rd";
    /** BCrypt (cost 4, fast for tests) of {@link #OPERATOR_PASSWORD}. */
    String OPERATOR_PASSWORD_HASH = "{bcrypt}$2a$04$fvaR98ST3AOFgUyFkxuXgez7DHIU7oDDMy2XEuupqIHs3BemEd6Wu";

    String PASSWORD_TOKEN_KEY = "integration-test-password-token-key-0123456789";
}
