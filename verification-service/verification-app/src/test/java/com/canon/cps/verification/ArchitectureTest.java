package com.canon.cps.verification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules of STYLE.md for verification-service; a rule that matches nothing fails. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.canon.cps.verification");
    }

    @Test
    void domain_hasNoSpringKafkaMongoOrJackson() {
        noClasses()
                .that()
                .resideInAPackage("..review.domain..")
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
                .resideOutsideOfPackages("..messaging..", "com.canon.cps.verification.contract..")
                .and()
                .resideInAPackage("com.canon.cps.verification..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.canon.cps.verification.contract..", "com.canon.cps.account.contract..")
                .because("contracts are the wire format; only the consumers and the publisher translate them")
                .check(classes);
    }

    @Test
    void features_haveNoCycles() {
        slices().matching("com.canon.cps.verification.(*)..")
                .should()
                .beFreeOfCycles()
                .because("documents, registry and review can each be understood (and moved) on their own")
                .check(classes);
    }

    @Test
    void registryAndDocuments_doNotDependOnTheReview() {
        noClasses()
                .that()
                .resideInAnyPackage("..verification.registry..", "..verification.document..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..verification.review..")
                .because("the review uses the registry port and the document store, never the other way round")
                .check(classes);
    }
}
