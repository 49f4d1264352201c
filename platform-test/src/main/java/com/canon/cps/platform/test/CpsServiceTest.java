package com.canon.cps.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of one service: its full Spring Boot application on a random port against the real embedded
 * PostgreSQL, Kafka broker, Mongo wire-protocol server and SMTP server. Each service's test classpath holds only its
 * own {@code <service>-service.yml}, so the config name may list all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=account-service,verification-service,product-service,points-service,"
                    + "membership-service,billing-service,notification-service,sample-service,application",
            "spring.main.banner-mode=off"
        })
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface CpsServiceTest {}
