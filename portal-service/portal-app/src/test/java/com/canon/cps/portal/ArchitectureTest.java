package com.canon.cps.portal;

import com.canon.cps.platform.test.CpsShapeRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The service shape of docs/style.md applied to the portal: R2, R3, R6 and R7.
 *
 * <p>Rules left out, as they would match nothing here: R1: the portal consumes no events and has no policies (it
 * calls the services' REST APIs); R4, R5: no aggregate, no event store, so no internal events and no upcasters. Its
 * features stay flat (a controller with its forms each), so R2 checks that the root holds only the application.
 */
@AnalyzeClasses(packages = "com.canon.cps.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule r2Roles = CpsShapeRules.r2Roles;

    @ArchTest
    static final ArchRule r3Settings = CpsShapeRules.r3Settings;

    @Test
    void everyPackageHasAPackageInfo() {
        CpsShapeRules.assertEveryPackageHasPackageInfo(Path.of("src/main/java"));
    }

    @Test
    void typesArePackagePrivateByDefault() {
        CpsShapeRules.assertPackagePrivateByDefault("com.canon.cps.portal", Path.of("target/classes"));
    }
}
