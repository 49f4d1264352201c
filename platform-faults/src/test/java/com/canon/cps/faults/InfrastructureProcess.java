package com.canon.cps.faults;

import com.canon.cps.platform.embedded.EmbeddedKafkaServer;
import com.canon.cps.platform.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One piece of infrastructure in its own JVM, so that the suite can stop and start it alone: {@code kafka <log dir>
 * <port>} (a KRaft broker whose log survives restarts) or {@code mongo <H2 file> <port>} (the Mongo substitute with
 * its file backend). SIGTERM stops it cleanly (the broker's controlled shutdown; H2 flushes and closes its file);
 * prints {@link #READY} once it serves.
 */
public final class InfrastructureProcess {

    static final String READY = "INFRASTRUCTURE-READY";

    private InfrastructureProcess() {}

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Path path = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        AutoCloseable server = switch (kind) {
            case "kafka" -> EmbeddedKafkaServer.start(path, port, 4);
            case "mongo" -> EmbeddedMongoServer.start(path, port);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (Exception e) {
                                System.err.println("stopping " + kind + " failed: " + e);
                            }
                            System.out.println("INFRASTRUCTURE-STOPPED " + kind);
                            System.out.flush();
                            stopped.countDown();
                        },
                        kind + "-shutdown"));
        System.out.println(READY + " " + kind + " " + port);
        System.out.flush();
        stopped.await();
    }
}
