package com.canon.cps.account.password;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.IssuePasswordReset;
import com.canon.cps.platform.eventstore.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forgotten passwords: {@code POST /api/auth/password-reset} hands the address to one background worker and answers
 * at once, so the answer is the same, in content and in time, whether the address belongs to an account or not. The
 * worker asks the account for a reset link ({@link IssuePasswordReset}); the account refuses when it has no password
 * (not yet active, or rejected) and issues nothing within the configured interval after its last link. Requests are
 * not durable: one lost in a crash (or dropped when the queue is full) is simply asked for again.
 *
 * <p>Outcomes are counted as {@code cps.account.password-resets{outcome}}: {@code issued}, {@code throttled},
 * {@code not-active}, {@code unknown-email}, {@code failed}, {@code dropped}.
 */
@Service
class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    private static final int QUEUE_CAPACITY = 1_000;

    private final MemberCredentials credentials;
    private final CommandGateway commands;
    private final AccountSettings.PasswordReset settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                Thread thread = new Thread(runnable, "password-reset");
                thread.setDaemon(true);
                return thread;
            });

    PasswordResetService(
            MemberCredentials credentials,
            CommandGateway commands,
            AccountSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.credentials = credentials;
        this.commands = commands;
        this.settings = settings.passwordReset();
        this.clock = clock;
        this.meters = meters;
    }

    /** Takes the request; what becomes of it is not told to the caller. */
    void request(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        String trace = TraceContext.current();
        try {
            worker.execute(() -> TraceContext.with(trace, null, () -> {
                issue(normalised);
                return null;
            }));
        } catch (RejectedExecutionException full) {
            log.warn("Password-reset queue full: request dropped");
            count("dropped");
        }
    }

    private void issue(String email) {
        Optional<String> accountId = credentials.accountOf(email);
        if (accountId.isEmpty()) {
            count("unknown-email");
            return;
        }
        Instant now = clock.instant();
        try {
            Boolean issued = commands.sendAndWait(new IssuePasswordReset(
                    accountId.get(),
                    UUID.randomUUID().toString(), // public (it is in the event store); only the token derived is secret
                    now,
                    now.plus(settings.tokenTtl()),
                    settings.minInterval()));
            count(Boolean.TRUE.equals(issued) ? "issued" : "throttled");
        } catch (AccountRuleViolation refused) {
            count("not-active");
        } catch (RuntimeException e) {
            log.warn("Password reset for account {} failed", accountId.get(), e);
            count("failed");
        }
    }

    private void count(String outcome) {
        meters.counter("cps.account.password-resets", "outcome", outcome).increment();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
