package com.canon.cps.platform.eventstore;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Dispatches a command again when its events lost the race for their sequence numbers ({@link ConcurrencyException}):
 * another instance appended to the aggregate first, so the cached copy here was stale (it is evicted when the unit of
 * work rolls back) or two instances loaded the same state. Only that failure is retried, a few times after a short
 * random pause; a rejected command (a business rule, a validation) fails at once as before.
 */
public final class ConcurrencyRetry implements RetryScheduler {

    static final int MAX_RETRIES = 3;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "command-retry");
        t.setDaemon(true);
        return t;
    });

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (failures.size() > MAX_RETRIES || !lostTheRace(lastFailure)) {
            return false;
        }
        executor.schedule(commandDispatch, ThreadLocalRandom.current().nextLong(1, 20), TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean lostTheRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
