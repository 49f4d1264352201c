package com.canon.cps.verification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.canon.cps.platform.test.CpsArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** The platform's layout rules (STYLE.md) applied to verification-service, plus its own feature direction. */
@AnalyzeClasses(packages = "com.canon.cps.verification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(CpsArchitectureRules.class);

    @ArchTest
    static final ArchRule registryAndDocumentsDoNotDependOnTheReview = noClasses()
            .that()
            .resideInAnyPackage("..verification.registry..", "..verification.document..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..verification.review..")
            .because("the review uses the registry port and the document store, never the other way round")
            .allowEmptyShould(false);
}
