package com.canon.cps.membership;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules of STYLE.md for membership-service; a rule that matches nothing fails. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.canon.cps.membership");
    }

    @Test
    void domain_hasNoSpringKafkaMongoOrJackson() {
        noClasses()
                .that()
                .resideInAPackage("..membership.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..")
                .because("the domain is plain Java plus Axon's annotations; infrastructure stays outside it")
                .check(classes);
    }

    @Test
    void onlyMessaging_touchesPublishedContracts() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..messaging..", "com.canon.cps.membership.contract..")
                .and()
                .resideInAPackage("com.canon.cps.membership..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.canon.cps.membership.contract..",
                        "com.canon.cps.account.contract..",
                        "com.canon.cps.points.contract..")
                .because("contracts are the wire format; only the consumers and the publisher translate them")
                .check(classes);
    }

    @Test
    void features_haveNoCycles() {
        slices().matching("com.canon.cps.membership.(*)..")
                .should()
                .beFreeOfCycles()
                .because("features can each be understood (and moved) on their own")
                .check(classes);
    }
}
