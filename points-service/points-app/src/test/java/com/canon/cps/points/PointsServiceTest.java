package com.canon.cps.points;

import com.canon.cps.platform.test.CpsServiceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An integration test of points-service. Every IT class carries exactly this annotation, so they all share one cached
 * application context. Ledgers are snapshotted every few events, so the tests also exercise loading from snapshots.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CpsServiceTest
@TestPropertySource(properties = {"cps.points.snapshot-threshold=" + PointsServiceTest.SNAPSHOT_EVERY})
public @interface PointsServiceTest {

    int SNAPSHOT_EVERY = 4;
}
