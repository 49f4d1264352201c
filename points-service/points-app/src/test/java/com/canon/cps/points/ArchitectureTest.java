package com.canon.cps.points;

import com.canon.cps.platform.test.CpsArchitectureRules;
import com.canon.cps.platform.test.CpsShapeRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The platform's layout rules and the service shape of docs/style.md (R1-R7) applied to points-service.
 */
@AnalyzeClasses(packages = "com.canon.cps.points", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(CpsArchitectureRules.class);

    @ArchTest
    static final ArchTests shapeRules = ArchTests.in(CpsShapeRules.class);

    @Test
    void everyPackageHasAPackageInfo() {
        CpsShapeRules.assertEveryPackageHasPackageInfo(Path.of("src/main/java"));
    }

    @Test
    void typesArePackagePrivateByDefault() {
        // config uses PointsLedger only through the constant PointsLedger.SNAPSHOT_TRIGGER, which javac copies
        CpsShapeRules.assertPackagePrivateByDefault(
                "com.canon.cps.points", Path.of("target/classes"), "com.canon.cps.points.ledger.domain.PointsLedger");
    }
}
