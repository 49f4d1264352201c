package com.canon.cps.billing;

import com.canon.cps.platform.test.CpsArchitectureRules;
import com.canon.cps.platform.test.CpsShapeRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The platform's layout rules and the service shape of docs/style.md (R1-R7) applied to billing-service.
 *
 * <p>Rules left out, as they would match nothing or do not apply here: R5: no upcaster yet (no stored event has changed
 * shape).
 */
@AnalyzeClasses(packages = "com.canon.cps.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(CpsArchitectureRules.class);

    @ArchTest
    static final ArchRule r1ConsumersAndPolicies = CpsShapeRules.r1ConsumersAndPolicies;

    @ArchTest
    static final ArchRule r2Roles = CpsShapeRules.r2Roles;

    @ArchTest
    static final ArchRule r3Settings = CpsShapeRules.r3Settings;

    @ArchTest
    static final ArchRule r4Events = CpsShapeRules.r4Events;

    @Test
    void everyPackageHasAPackageInfo() {
        CpsShapeRules.assertEveryPackageHasPackageInfo(Path.of("src/main/java"));
    }

    @Test
    void typesArePackagePrivateByDefault() {
        CpsShapeRules.assertPackagePrivateByDefault("com.canon.cps.billing", Path.of("target/classes"));
    }
}
