package com.canon.cps.notification;

import com.canon.cps.platform.test.CpsShapeRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The service shape of docs/style.md (R1-R7) applied to notification-service.
 *
 * <p>Rules left out, as they would match nothing or do not apply here: R2: a simple service stays flat (docs/style.md),
 * so its root holds its few classes; R4: no aggregate (a stateless service without an event store of its own); R5: no
 * upcaster yet (no stored event has changed shape).
 */
@AnalyzeClasses(packages = "com.canon.cps.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule r1ConsumersAndPolicies = CpsShapeRules.r1ConsumersAndPolicies;

    @ArchTest
    static final ArchRule r3Settings = CpsShapeRules.r3Settings;

    @Test
    void everyPackageHasAPackageInfo() {
        CpsShapeRules.assertEveryPackageHasPackageInfo(Path.of("src/main/java"));
    }

    @Test
    void typesArePackagePrivateByDefault() {
        CpsShapeRules.assertPackagePrivateByDefault("com.canon.cps.notification", Path.of("target/classes"));
    }
}
