package com.canon.cps.sample;

import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * sample-service against the real embedded servers, with a movable business clock. Every integration test and
 * benchmark of this module uses exactly this annotation, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CpsServiceTest
@Import(TestClock.Configuration.class)
public @interface SampleServiceTest {}
