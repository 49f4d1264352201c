package com.canon.cps.platform.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM a test starts itself (a whole platform, a second service instance, a broker): this JVM's
 * {@code java}, the build's JIT flags for test JVMs, the given options, this test's class path, the main class and its
 * arguments. The flags are {@code test.jvm.flags}, which the build passes to surefire and failsafe as both {@code
 * argLine} and a system property: C1 only by default (docs/adr/0028), which changes how fast the code runs, never
 * what it does; none when the test runs outside the build (an IDE).
 */
public final class ChildJvmCommand {

    private ChildJvmCommand() {}

    public static List<String> of(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("test.jvm.flags", "").trim();
        if (!flags.isEmpty()) {
            command.addAll(List.of(flags.split("\\s+")));
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
