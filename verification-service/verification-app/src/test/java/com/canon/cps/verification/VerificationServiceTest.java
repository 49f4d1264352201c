package com.canon.cps.verification;

import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * verification-service against the real embedded servers, with a movable business clock and a fast registry
 * simulator, and faults a test can switch on to make dead letters ({@link DeadLetterFaults}). Every integration test
 * of this module uses exactly this annotation, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CpsServiceTest
@Import({TestClock.Configuration.class, DeadLetterFaults.class})
@TestPropertySource(
        properties = {
            "cps.verification.registry.simulator.latency=5ms",
            "cps.verification.registry.retry-backoff=10ms",
        })
public @interface VerificationServiceTest {}
