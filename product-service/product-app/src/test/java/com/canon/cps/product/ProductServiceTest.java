package com.canon.cps.product;

import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An integration test of product-service. Every IT class carries exactly this annotation (and nothing that changes
 * the context), so they all share one cached application context. The catalogue gets a second, test-only version
 * taking effect in 2090, which tests reach by moving the business clock ({@link TestClock}; reset it afterwards).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CpsServiceTest
@Import(TestClock.Configuration.class)
@TestPropertySource(
        properties = {
            "cps.product.catalog.locations=classpath:catalog/catalog-v1.yml,classpath:catalog-test/catalog-v2.yml"
        })
public @interface ProductServiceTest {

    /** The test-only catalogue version's first day. */
    String V2_EFFECTIVE_FROM = "2090-01-01";
}
