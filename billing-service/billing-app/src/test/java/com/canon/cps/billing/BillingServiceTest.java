package com.canon.cps.billing;

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
 * billing-service against the real embedded servers, with a movable business clock and an issue delay of one hour
 * (so tests see the delay work). Every integration test of this module uses exactly this annotation, so they share
 * one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CpsServiceTest
@Import(TestClock.Configuration.class)
@TestPropertySource(properties = "cps.billing.issue-delay=PT1H")
public @interface BillingServiceTest {}
