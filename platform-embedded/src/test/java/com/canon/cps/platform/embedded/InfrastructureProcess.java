package com.canon.cps.platform.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * What the local launcher does, reduced to the infrastructure: started in a child JVM by {@link CrashRecoveryTest},
 * which then kills that JVM with SIGKILL. Prints one {@code READY} line with the addresses and runs until killed.
 */
public final class InfrastructureProcess {

    static final String READY = "INFRASTRUCTURE-READY";

    private InfrastructureProcess() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(
                new EmbeddedInfrastructure.Settings(Path.of(args[0]), 0, 0, 0, 0, false, true, 2));
        System.out.println(READY + " " + infrastructure.postgres().port() + " "
                + infrastructure.kafka().bootstrapServers() + " "
                + infrastructure.smtp().port() + " "
                + infrastructure.mongo().port());
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGKILL
    }
}
