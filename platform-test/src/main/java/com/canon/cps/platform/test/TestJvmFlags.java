package com.canon.cps.platform.test;

import java.util.List;

/**
 * The JIT flags of the build's test JVMs ({@code test.jvm.flags}, which the build passes to surefire and failsafe as
 * both {@code argLine} and a system property), for the JVMs a test starts itself: a whole platform, a second service
 * instance, a broker. C1 only by default (docs/adr/0028): it changes how fast the code runs, never what it does.
 */
public final class TestJvmFlags {

    private TestJvmFlags() {}

    /** The flags, one per element; empty when the test runs outside the build (an IDE). */
    public static List<String> get() {
        String flags = System.getProperty("test.jvm.flags", "").trim();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }
}
