package com.canon.cps.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The target shape of every service (docs/style.md, R1-R7): how contract events are consumed, which roles a
 * feature has, where settings live, what internal events and upcasters look like, which types are public. One rule
 * per item; every rule must match classes ({@code allowEmptyShould(false)}), so a renamed package fails instead of
 * passing silently. R6 (a {@code package-info.java} in every package) concerns sources, not classes:
 * {@link #packagesWithoutPackageInfo}. R7 (package-private by default) must see the tests too, since a type that a
 * test in another package uses has to stay public: {@link #assertPackagePrivateByDefault}.
 *
 * <p>A service includes the rules with {@code @ArchTest static final ArchTests shape = ArchTests.in(CpsShapeRules.class)}
 * (R1-R5) and calls {@link #assertEveryPackageHasPackageInfo} (R6) and {@link #assertPackagePrivateByDefault} (R7)
 * from tests of its own.
 */
public final class CpsShapeRules {

    private static final String BASE = "com.canon.cps.";
    private static final Pattern WHEN_THEN = Pattern.compile("When([A-Z][A-Za-z0-9]*?)Then([A-Z][A-Za-z0-9]*)");
    private static final Set<String> ROLES = Set.of(
            "domain", "query", "web", "messaging", "policy", "upcasting", "config", "store", "adapter", "document");
    private static final Set<String> ROLE_MARKERS =
            Set.of("domain", "query", "web", "messaging", "policy", "upcasting");
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";
    private static final String EVENT_HANDLER = "org.axonframework.eventhandling.EventHandler";
    private static final String DEADLINE_HANDLER = "org.axonframework.deadline.annotation.DeadlineHandler";
    private static final String EVENT_SOURCING_HANDLER = "org.axonframework.eventsourcing.EventSourcingHandler";
    private static final String REVISION = "org.axonframework.serialization.Revision";
    private static final String PROJECTION = "com.canon.cps.platform.projection.Projection";
    private static final String UPCASTER = "org.axonframework.serialization.upcasting.Upcaster";

    private CpsShapeRules() {}

    /** R1: consuming contract events, and the policies reacting to internal events or deadlines. */
    @ArchTest
    public static final ArchRule r1ConsumersAndPolicies = classes()
            .that(consumersOrPolicies())
            .should(haveTheConsumingShape())
            .because("R1: every consumed topic has one package-private <Source>EventsConsumer configuration in a"
                    + " messaging package routing through EventInbox to one When<Event>Then<Action> per event type;"
                    + " policies on internal events or deadlines are When<Event>Then<Action> in a policy package, one"
                    + " event each, so each reaction is found by its name")
            .allowEmptyShould(false);

    /** R2: roles. */
    @ArchTest
    public static final ArchRule r2Roles = classes()
            .that(topLevelServiceClasses())
            .should(sitInARole())
            .because("R2: a feature with role sub-packages keeps nothing at its root, its sub-packages are roles"
                    + " (domain, query, web, messaging, policy, upcasting, config, store, adapter, document), and the"
                    + " service's root holds only the *Application class, so every class is found by its role")
            .allowEmptyShould(false);

    /** R3: settings. */
    @ArchTest
    public static final ArchRule r3Settings = classes()
            .that()
            .areAnnotatedWith(CONFIGURATION_PROPERTIES)
            .should()
            .resideInAPackage("com.canon.cps.*.config")
            .andShould(beRecords())
            .because("R3: a service's settings are @ConfigurationProperties records in com.canon.cps.<service>.config,"
                    + " one place to read what can be configured")
            .allowEmptyShould(false);

    /** R4: internal events. */
    @ArchTest
    public static final ArchRule r4Events = methods()
            .that()
            .areAnnotatedWith(EVENT_SOURCING_HANDLER)
            .should(takeARevisionedRecordOfASealedInterface())
            .because("R4: internal events are records with @Revision(\"1\") or higher implementing their aggregate's"
                    + " sealed event interface, so every stored shape is versioned and every event of an aggregate"
                    + " is known to the compiler")
            .allowEmptyShould(false);

    /** R5: upcasters. */
    @ArchTest
    public static final ArchRule r5Upcasters = classes()
            .that()
            .areAssignableTo(UPCASTER)
            .and()
            .areNotInterfaces()
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .should()
            .resideInAPackage("..upcasting..")
            .andShould()
            .haveSimpleNameEndingWith("Upcaster")
            .andShould(matchTypeNamesByLiteral())
            .because("R5: an upcaster is named after the change, lives in an upcasting package and matches the stored"
                    + " type name with a string literal: a class name from code changes when the class moves, the"
                    + " stored one does not")
            .allowEmptyShould(false);

    /**
     * R7: package-private by default, for the classes compiled into {@code mainClasses} (a {@code target/classes}).
     * Not an {@code @ArchTest}: a service's architecture test imports its main classes only, but a type that a test
     * in another package uses must stay public, and the contract module shares the service's package prefix. Check it
     * with {@link #assertPackagePrivateByDefault}, which imports the tests as well.
     *
     * <p>{@code usedThroughConstants} names (fully) the classes another package uses only through a compile-time
     * constant ({@code @Bean(PointsLedger.SNAPSHOT_TRIGGER)}): javac copies the value, so the class file keeps no trace
     * of the class, but the source still needs it public.
     */
    public static ArchRule r7PackagePrivateByDefault(Path mainClasses, String... usedThroughConstants) {
        Set<String> exempt = Set.of(usedThroughConstants);
        Path root = mainClasses.toAbsolutePath().normalize();
        DescribedPredicate<JavaClass> compiledThere = DescribedPredicate.describe(
                "are compiled into " + mainClasses,
                c -> !exempt.contains(c.getName())
                        && c.getSource()
                                .map(source -> source.getUri())
                                .filter(uri -> "file".equals(uri.getScheme()))
                                .map(uri -> Path.of(uri).startsWith(root))
                                .orElse(false));
        return classes()
                .that(DescribedPredicate.describe(
                        "are classes of a service", c -> c.getPackageName().startsWith(BASE)))
                .should(beUsedFromAnotherPackageWhenPublic(compiledThere))
                .because("R7: a type is public only when another package uses it (the *Application class excepted,"
                        + " which launchers start), so what a package offers to others is what it declares public and"
                        + " everything else can change without looking outside it")
                .allowEmptyShould(false);
    }

    /**
     * R7 as an assertion: imports {@code servicePackage} from the class path, tests included, and fails naming every
     * public top-level type compiled into {@code mainClasses} that no class of another package uses ({@code
     * usedThroughConstants}: see {@link #r7PackagePrivateByDefault}).
     */
    public static void assertPackagePrivateByDefault(
            String servicePackage, Path mainClasses, String... usedThroughConstants) {
        if (!Files.isDirectory(mainClasses)) {
            throw new AssertionError("R7: no class directory " + mainClasses);
        }
        // only the service's own classes matter: resolving the rest from the class path would take the better part of
        // a minute with the test dependencies
        ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            r7PackagePrivateByDefault(mainClasses, usedThroughConstants)
                    .check(new ClassFileImporter().importPackages(servicePackage));
        });
    }

    /**
     * R6: the packages (directories holding {@code .java} files) under {@code sourceRoot} (a {@code src/main/java})
     * that have no {@code package-info.java}, as dotted names; empty when every package has one.
     */
    public static List<String> packagesWithoutPackageInfo(Path sourceRoot) {
        try (Stream<Path> paths = Files.walk(sourceRoot)) {
            return paths.filter(Files::isDirectory)
                    .filter(CpsShapeRules::holdsJava)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> sourceRoot.relativize(dir).toString().replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R6 as an assertion: fails naming every package under {@code sourceRoot} without a package-info.java. */
    public static void assertEveryPackageHasPackageInfo(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            throw new AssertionError("R6: no source directory " + sourceRoot);
        }
        List<String> missing = packagesWithoutPackageInfo(sourceRoot);
        if (!missing.isEmpty()) {
            throw new AssertionError(
                    "R6: every package has a package-info.java with a purpose paragraph; missing in " + missing);
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- R1 ---------------------------------------------------------------------------------------------------------

    private static DescribedPredicate<JavaClass> consumersOrPolicies() {
        return DescribedPredicate.describe(
                "are <Source>EventsConsumers, When<Event>Then<Action>s or handle internal events or deadlines",
                c -> !c.isNestedClass()
                        && (c.getSimpleName().endsWith("EventsConsumer")
                                || WHEN_THEN.matcher(c.getSimpleName()).matches()
                                || isPolicyLike(c)));
    }

    /** Handles internal events or deadlines, and is no read model (a projection, a query or store package). */
    private static boolean isPolicyLike(JavaClass c) {
        String pkg = c.getPackageName();
        return !c.isAnnotatedWith(PROJECTION)
                && !pkg.endsWith(".query")
                && !pkg.endsWith(".store")
                && c.getMethods().stream()
                        .anyMatch(m -> m.isAnnotatedWith(EVENT_HANDLER) || m.isAnnotatedWith(DEADLINE_HANDLER));
    }

    /**
     * Whether a non-private method of {@code c} takes exactly one parameter whose simple type name starts with {@code
     * event}, or {@code c} implements a generic handler interface (such as {@code EventInbox.Handler<X>}) of it.
     */
    private static boolean handlesOnly(JavaClass c, String event) {
        boolean byInterface = c.getInterfaces().stream()
                .filter(JavaParameterizedType.class::isInstance)
                .flatMap(t -> ((JavaParameterizedType) t).getActualTypeArguments().stream())
                .anyMatch(t -> t.toErasure().getSimpleName().startsWith(event));
        boolean byMethod = c.getMethods().stream()
                .filter(m -> !m.getModifiers().contains(JavaModifier.PRIVATE)
                        && !m.getModifiers().contains(JavaModifier.SYNTHETIC))
                .anyMatch(m -> m.getParameterTypes().stream()
                                .filter(p -> eventNames(p).stream().anyMatch(n -> n.startsWith(event)))
                                .count()
                        == 1);
        // a deadline of the platform's scheduler: deadlines.onDue(NAME, XDue.class, due -> ...)
        boolean byDeadlinePayload = c.getReferencedClassObjects().stream()
                .anyMatch(r -> r.getRawType().getSimpleName().startsWith(event));
        return byInterface || byMethod || byDeadlinePayload;
    }

    /** The simple name of a parameter type and of its type arguments ({@code InboundEvent<AccountOpened>}). */
    private static List<String> eventNames(JavaType type) {
        List<String> names = new java.util.ArrayList<>();
        names.add(type.toErasure().getSimpleName());
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized
                    .getActualTypeArguments()
                    .forEach(t -> names.add(t.toErasure().getSimpleName()));
        }
        return names;
    }

    private static ArchCondition<JavaClass> haveTheConsumingShape() {
        return condition("have the consuming shape of R1", (c, events) -> {
            String name = c.getSimpleName();
            String pkg = c.getPackageName();
            if (name.endsWith("EventsConsumer")) {
                require(events, c, !c.getModifiers().contains(JavaModifier.PUBLIC), "is public");
                require(events, c, pkg.endsWith(".messaging"), "is not in a messaging package");
                Optional<JavaAnnotation<JavaClass>> configuration = c.tryGetAnnotationOfType(CONFIGURATION);
                require(
                        events,
                        c,
                        configuration.isPresent()
                                && Boolean.FALSE.equals(configuration
                                        .get()
                                        .get("proxyBeanMethods")
                                        .orElse(true)),
                        "is not @Configuration(proxyBeanMethods = false)");
                long consumers = c.getMethods().stream()
                        .filter(m -> m.getRawReturnType().isEquivalentTo(Consumer.class))
                        .count();
                require(events, c, consumers == 1, "declares " + consumers + " Consumer beans, not one");
                return;
            }
            Matcher when = WHEN_THEN.matcher(name);
            if (!when.matches()) {
                require(
                        events,
                        c,
                        false,
                        "handles internal events or deadlines but is not named When<Event>Then<Action>");
                return;
            }
            String event = when.group(1);
            boolean reactsInternally = isPolicyLike(c);
            if (reactsInternally || pkg.endsWith(".policy")) {
                require(
                        events,
                        c,
                        pkg.endsWith(".policy"),
                        "handles internal events or deadlines outside a policy package");
            } else {
                require(events, c, pkg.endsWith(".messaging"), "is not in a messaging or policy package");
            }
            if (reactsInternally) {
                Set<String> handled = new TreeSet<>();
                c.getMethods().stream()
                        .filter(m -> m.isAnnotatedWith(EVENT_HANDLER) || m.isAnnotatedWith(DEADLINE_HANDLER))
                        .forEach(m -> handled.add(
                                m.getRawParameterTypes().isEmpty()
                                        ? "(none)"
                                        : m.getRawParameterTypes().get(0).getSimpleName()));
                require(
                        events,
                        c,
                        handled.size() == 1 && handled.iterator().next().startsWith(event),
                        "handles " + handled + ", not " + event + " only");
            } else {
                require(events, c, handlesOnly(c, event), "has no handling method taking one " + event + " parameter");
            }
        });
    }

    // ---- R2 ---------------------------------------------------------------------------------------------------------

    private static DescribedPredicate<JavaClass> topLevelServiceClasses() {
        return DescribedPredicate.describe(
                "are top-level classes of a service",
                c -> c.getPackageName().startsWith(BASE)
                        && !c.isNestedClass()
                        && !c.isAnonymousClass()
                        && !c.getSimpleName().equals("package-info"));
    }

    private static ArchCondition<JavaClass> sitInARole() {
        return new ArchCondition<>("sit in a role") {
            private final Set<String> packages = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                all.forEach(c -> packages.add(c.getPackageName()));
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String[] parts = c.getPackageName().substring(BASE.length()).split("\\.");
                if (parts.length == 1) {
                    require(
                            events,
                            c,
                            c.getSimpleName().endsWith("Application"),
                            "is at the service's root, which holds only the *Application class");
                    return;
                }
                String feature = BASE + parts[0] + "." + parts[1];
                if (parts[1].equals("config")) {
                    return;
                }
                boolean hasRoles = packages.stream()
                        .anyMatch(p -> ROLE_MARKERS.stream()
                                .anyMatch(r -> p.equals(feature + "." + r) || p.startsWith(feature + "." + r + ".")));
                if (!hasRoles) {
                    return; // a small flat feature
                }
                if (parts.length == 2) {
                    require(events, c, false, "is at the root of feature " + feature + ", which has roles");
                } else {
                    require(
                            events,
                            c,
                            ROLES.contains(parts[2]),
                            "is in " + feature + "." + parts[2] + ", which is no role");
                }
            }
        };
    }

    // ---- R3, R4, R5 -------------------------------------------------------------------------------------------------

    private static ArchCondition<JavaClass> beRecords() {
        return condition("be records", (c, events) -> require(events, c, c.isRecord(), "is no record"));
    }

    private static ArchCondition<JavaMethod> takeARevisionedRecordOfASealedInterface() {
        return new ArchCondition<>("take one record annotated @Revision implementing a sealed interface") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                List<JavaClass> parameters = m.getRawParameterTypes();
                if (parameters.size() != 1) {
                    events.add(SimpleConditionEvent.violated(
                            m, m.getFullName() + " takes " + parameters.size() + " parameters, not one event"));
                    return;
                }
                JavaClass event = parameters.get(0);
                String violation = null;
                if (!event.isRecord()) {
                    violation = "is no record";
                } else if (!revisioned(event)) {
                    violation = "has no @Revision(\"1\") or higher";
                } else if (event.getAllRawInterfaces().stream().noneMatch(CpsShapeRules::sealed)) {
                    violation = "implements no sealed interface";
                }
                events.add(new SimpleConditionEvent(
                        m,
                        violation == null,
                        m.getFullName() + ": " + event.getName()
                                + (violation == null ? " is an event" : " " + violation)));
            }
        };
    }

    private static boolean revisioned(JavaClass event) {
        return event.tryGetAnnotationOfType(REVISION)
                .flatMap(a -> a.get("value"))
                .map(String::valueOf)
                .filter(v -> v.matches("[1-9][0-9]*"))
                .isPresent();
    }

    private static boolean sealed(JavaClass type) {
        try {
            return type.reflect().isSealed();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static ArchCondition<JavaClass> matchTypeNamesByLiteral() {
        return condition("match stored type names with string literals", (c, events) -> {
            boolean callsClassName = c.getMethodCallsFromSelf().stream()
                    .anyMatch(call -> call.getTargetOwner().isEquivalentTo(Class.class)
                            && Set.of("getName", "getTypeName", "getCanonicalName", "getSimpleName")
                                    .contains(call.getName()));
            require(events, c, !callsClassName, "takes a type name from a Class (use the stored name as a literal)");
        });
    }

    // ---- R7 ---------------------------------------------------------------------------------------------------------

    private static ArchCondition<JavaClass> beUsedFromAnotherPackageWhenPublic(DescribedPredicate<JavaClass> checked) {
        return new ArchCondition<>("be public only when a class of another package uses them") {
            private final Set<String> usedElsewhere = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                // all classes of the service, nested ones too: using Outer.Inner needs Outer public
                all.forEach(origin -> origin.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = topLevel(d.getTargetClass().getBaseComponentType());
                    if (!target.getPackageName().equals(origin.getPackageName())) {
                        usedElsewhere.add(target.getName());
                    }
                }));
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.isNestedClass()
                        || c.isAnonymousClass()
                        || !c.getModifiers().contains(JavaModifier.PUBLIC)
                        || !checked.test(c)
                        || isApplication(c)) {
                    return;
                }
                require(events, c, usedElsewhere.contains(c.getName()), "is public but no other package uses it");
            }
        };
    }

    private static boolean isApplication(JavaClass c) {
        return c.getSimpleName().endsWith("Application")
                && c.getPackageName().substring(BASE.length()).indexOf('.') < 0;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private interface Check {
        void check(JavaClass c, ConditionEvents events);
    }

    private static ArchCondition<JavaClass> condition(String description, Check check) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                check.check(c, events);
            }
        };
    }

    /** Records a violation of {@code c} when {@code ok} is false (and a satisfied event otherwise). */
    private static void require(ConditionEvents events, JavaClass c, boolean ok, String otherwise) {
        events.add(new SimpleConditionEvent(c, ok, c.getName() + (ok ? " conforms" : " " + otherwise)));
    }
}
