package com.canon.cps.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules of docs/style.md, the same for every service. A service's architecture test analyses its own package
 * and includes them with {@code @ArchTest static final ArchTests platform = ArchTests.in(CpsArchitectureRules.class)}.
 * Every rule must match classes ({@code allowEmptyShould(false)}), so a renamed package fails instead of passing
 * silently.
 */
public final class CpsArchitectureRules {

    private static final String CONTRACTS = "com.canon.cps.*.contract..";

    private CpsArchitectureRules() {}

    @ArchTest
    public static final ArchRule domainIsFrameworkFree = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because("the domain (aggregates, commands, internal events) holds business rules only; Spring, Kafka,"
                    + " Mongo and JSON mapping belong to the web, query and messaging adapters")
            .allowEmptyShould(false);

    @ArchTest
    public static final ArchRule onlyMessagingTouchesContracts = noClasses()
            .that()
            .resideOutsideOfPackages("..messaging..", "..contract..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CONTRACTS)
            .because("contract events are the wire format; only the messaging adapters map them to and from internal"
                    + " events and commands, so the domain can change without breaking consumers or producers")
            .allowEmptyShould(false);

    @ArchTest
    public static final ArchRule aggregatesLiveInTheDomain = classes()
            .that()
            .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should()
            .resideInAPackage("..domain..")
            .because("aggregates hold the business rules and must stay free of adapters")
            .allowEmptyShould(false);

    @ArchTest
    public static final ArchRule featuresAreFreeOfCycles = slices().matching("com.canon.cps.*.(*)..")
            .should()
            .beFreeOfCycles()
            .because("features depend on each other in one direction only, so each can be understood and split alone")
            .allowEmptyShould(false);
}
