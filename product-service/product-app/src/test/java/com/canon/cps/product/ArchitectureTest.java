package com.canon.cps.product;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout STYLE.md prescribes, checked; every rule must match classes, so a renamed package fails it. */
@AnalyzeClasses(packages = "com.canon.cps.product", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CONTRACT = "com.canon.cps.product.contract..";
    private static final String OTHER_CONTRACTS = "com.canon.cps.account.contract..";

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that()
            .resideInAPackage("com.canon.cps.product..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "org.springframework.data.mongodb..",
                    "com.mongodb..",
                    "org.bson..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because("the domain (aggregates, commands, internal events) holds business rules only; Spring, Kafka,"
                    + " Mongo and JSON mapping belong to the web, query and messaging adapters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyMessagingTouchesContracts = noClasses()
            .that()
            .resideInAPackage("com.canon.cps.product..")
            .and()
            .resideOutsideOfPackages("..messaging..", CONTRACT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CONTRACT, OTHER_CONTRACTS)
            .because("contract events are the wire format; only the messaging adapters map them to and from internal"
                    + " events and commands, so the domain can change without breaking consumers or producers")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule messagingMapsToContracts = classes()
            .that()
            .resideInAPackage("com.canon.cps.product..messaging..")
            .and()
            .haveSimpleNameEndingWith("Publisher")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CONTRACT)
            .because("the publisher is where internal events become contract events (guards the rule above against"
                    + " a publisher that moved out of messaging)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule aggregatesLiveInTheDomain = classes()
            .that()
            .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should()
            .resideInAPackage("com.canon.cps.product..domain..")
            .because("aggregates hold the business rules and must stay free of adapters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.canon.cps.product.(*)..")
            .should()
            .beFreeOfCycles()
            .because("features depend on each other in one direction only, so each can be understood and split alone")
            .allowEmptyShould(false);
}
