package com.canon.cps.billing;

import com.canon.cps.platform.test.CpsArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The platform's layout rules (STYLE.md) applied to billing-service. */
@AnalyzeClasses(packages = "com.canon.cps.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(CpsArchitectureRules.class);
}
