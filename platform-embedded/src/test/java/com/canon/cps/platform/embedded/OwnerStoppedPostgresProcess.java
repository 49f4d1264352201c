package com.canon.cps.platform.embedded;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Started in a child JVM by {@link OwnerStoppedPostgresTest}: PostgreSQL whose owner stops it in its own shutdown
 * hook, after a last use (as {@code ./cps-local} stops its services first, then the infrastructure). Prints {@code
 * READY <port>}, and when asked to stop {@code STILL-UP} or {@code GONE <why>} for that last use, then {@code
 * STOPPED}.
 */
public final class OwnerStoppedPostgresProcess {

    private OwnerStoppedPostgresProcess() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, false, true);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                Thread.sleep(2_000); // the services' stop, at the least
                                try (Connection connection = postgres.connect("postgres");
                                        Statement statement = connection.createStatement()) {
                                    statement.execute("SELECT 1");
                                    System.out.println("STILL-UP");
                                }
                            } catch (Exception e) {
                                System.out.println("GONE " + e);
                            } finally {
                                postgres.close();
                                System.out.println("STOPPED");
                                System.out.flush();
                            }
                        },
                        "owner-shutdown"));
        System.out.println("READY " + postgres.port());
        System.out.flush();
        new CountDownLatch(1).await(); // until asked to stop
    }
}
