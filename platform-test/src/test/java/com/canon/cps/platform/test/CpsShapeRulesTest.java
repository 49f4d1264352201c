package com.canon.cps.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule of {@link CpsShapeRules} against two fixture services: {@code com.canon.cps.shapegood} conforms to all of
 * them, {@code com.canon.cps.shapebad} breaks each once; and against nothing (a rule that matches nothing fails).
 */
class CpsShapeRulesTest {

    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("com.canon.cps.shapegood");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("com.canon.cps.shapebad");
    private static final JavaClasses NONE = new ClassFileImporter().importClasses(String.class);
    /** Where the fixtures are compiled to (the tests run in the module's directory). */
    private static final Path FIXTURE_CLASSES = Path.of("target/test-classes");

    @Test
    void r1_consumersAreInternalConfigurations() {
        passes(CpsShapeRules.r1ConsumersAndPolicies);
        failsOn(CpsShapeRules.r1ConsumersAndPolicies, "shapebad.card.messaging.AccountEventsConsumer is public");
    }

    @Test
    void r2_featuresWithRolesKeepNothingAtTheirRoot() {
        passes(CpsShapeRules.r2Roles);
        failsOn(CpsShapeRules.r2Roles, "shapebad.card.CardHelper is at the root of feature");
    }

    @Test
    void r3_settingsLiveInConfig() {
        passes(CpsShapeRules.r3Settings);
        failsOn(CpsShapeRules.r3Settings, "shapebad.card.web.BadSettings");
    }

    @Test
    void r4_eventSourcingHandlersTakeRevisionedRecordsOfASealedInterface() {
        passes(CpsShapeRules.r4Events);
        failsOn(CpsShapeRules.r4Events, "CardClosed has no @Revision");
    }

    @Test
    void r5_upcastersMatchLiterals() {
        passes(CpsShapeRules.r5Upcasters);
        failsOn(CpsShapeRules.r5Upcasters, "CardOpenedUpcaster takes a type name from a Class");
    }

    @Test
    void r6_everyPackageHasAPackageInfo(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("com/x/a"));
        Files.writeString(root.resolve("com/x/a/A.java"), "package com.x.a; class A {}");
        Files.writeString(root.resolve("com/x/a/package-info.java"), "/** A. */ package com.x.a;");
        CpsShapeRules.assertEveryPackageHasPackageInfo(root);

        Files.createDirectories(root.resolve("com/x/b"));
        Files.writeString(root.resolve("com/x/b/B.java"), "package com.x.b; class B {}");
        assertThat(CpsShapeRules.packagesWithoutPackageInfo(root)).containsExactly("com.x.b");
        assertThatThrownBy(() -> CpsShapeRules.assertEveryPackageHasPackageInfo(root))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.x.b");
    }

    @Test
    void r7_typesArePublicOnlyWhenAnotherPackageUsesThem() {
        ArchRule rule = CpsShapeRules.r7PackagePrivateByDefault(FIXTURE_CLASSES);
        passes(rule);
        failsOn(rule, "shapebad.card.CardHelper is public but no other package uses it");
        assertThat(String.join("\n", rule.evaluate(BAD).getFailureReport().getDetails()))
                .doesNotContain("CardOpened is public") // the policy in another package uses it
                .doesNotContain("ShapebadApplication"); // launchers start it
        assertThatThrownBy(() -> CpsShapeRules.assertPackagePrivateByDefault("com.canon.cps.shapebad", FIXTURE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CardHelper");
        CpsShapeRules.assertPackagePrivateByDefault("com.canon.cps.shapegood", FIXTURE_CLASSES);
        CpsShapeRules.assertPackagePrivateByDefault(
                "com.canon.cps.shapebad",
                FIXTURE_CLASSES,
                "com.canon.cps.shapebad.card.CardHelper",
                "com.canon.cps.shapebad.card.domain.Card",
                "com.canon.cps.shapebad.card.domain.CardEvent",
                "com.canon.cps.shapebad.card.domain.CardClosed",
                "com.canon.cps.shapebad.card.web.BadSettings",
                "com.canon.cps.shapebad.card.messaging.AccountEventsConsumer");
    }

    @Test
    void r7_checksOnlyTheClassesOfTheGivenDirectory() {
        assertThat(CpsShapeRules.r7PackagePrivateByDefault(Path.of("target/classes"))
                        .evaluate(BAD)
                        .hasViolation())
                .isFalse();
    }

    @Test
    void aRuleThatMatchesNothingFails() {
        for (ArchRule rule : new ArchRule[] {
            CpsShapeRules.r1ConsumersAndPolicies,
            CpsShapeRules.r2Roles,
            CpsShapeRules.r3Settings,
            CpsShapeRules.r4Events,
            CpsShapeRules.r5Upcasters,
            CpsShapeRules.r7PackagePrivateByDefault(FIXTURE_CLASSES)
        }) {
            assertThatThrownBy(() -> rule.check(NONE)).isInstanceOf(AssertionError.class);
        }
    }

    private static void passes(ArchRule rule) {
        EvaluationResult result = rule.evaluate(GOOD);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    private static void failsOn(ArchRule rule, String expected) {
        EvaluationResult result = rule.evaluate(BAD);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(expected);
    }
}
