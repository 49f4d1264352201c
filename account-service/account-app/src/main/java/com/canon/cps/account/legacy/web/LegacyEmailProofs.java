package com.canon.cps.account.legacy.web;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.legacy.store.LegacyEmailCodeStore;
import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.ConfirmLegacyEmail;
import com.canon.cps.account.onboarding.domain.GiveLegacyCpsEmail;
import com.canon.cps.account.onboarding.domain.IssueLegacyEmailCode;
import com.canon.cps.account.onboarding.domain.LegacyEmailCodeRequest;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member gives its old CPS e-mail, asks for a code for it and types the code in (see the package documentation).
 * A wrong code counts as a try in its own transaction, which commits although the answer is an error: the count must
 * survive the refusal.
 */
@Service
class LegacyEmailProofs {

    /** How a presented code fared. */
    private enum Outcome {
        CONFIRMED,
        WRONG,
        NO_CODE,
        EXPIRED,
        EXHAUSTED,
        USED
    }

    private record Tried(Outcome outcome, int triesLeft) {}

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final LegacyEmailCodeStore store;
    private final AccountSettings.LegacyEmail settings;
    private final Clock clock;

    LegacyEmailProofs(
            CommandGateway commands,
            TransactionTemplate transactions,
            LegacyEmailCodeStore store,
            AccountSettings settings,
            Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.store = store;
        this.settings = settings.legacyEmail();
        this.clock = clock;
    }

    /** Gives (or corrects, while unconfirmed) the old CPS e-mail; a code goes to it. */
    public void give(String accountId, String legacyCpsEmail) {
        send(() -> commands.sendAndWait(new GiveLegacyCpsEmail(accountId, legacyCpsEmail, codeRequest())));
    }

    /** Sends a new code to the old CPS e-mail; the previous code stops working. */
    public void newCode(String accountId) {
        send(() -> commands.sendAndWait(new IssueLegacyEmailCode(accountId, codeRequest())));
    }

    /** Checks the code; a correct one proves the old CPS e-mail, a wrong one costs a try. */
    public void confirm(String accountId, String code) {
        Instant now = clock.instant();
        Tried tried = transactions.execute(tx -> send(() -> tryCode(accountId, code, now)));
        switch (tried.outcome()) {
            case CONFIRMED -> {}
            case WRONG ->
                throw ApiProblem.invalid(
                        "code",
                        tried.triesLeft() > 0
                                ? "is wrong (" + tried.triesLeft() + (tried.triesLeft() == 1 ? " try" : " tries")
                                        + " left)"
                                : "is wrong, and that was the last try: request a new code");
            case NO_CODE -> throw ApiProblem.invalid("code", "no code was sent: request one");
            case EXPIRED -> throw ApiProblem.invalid("code", "has expired: request a new code");
            case EXHAUSTED -> throw ApiProblem.invalid("code", "was tried too often: request a new code");
            case USED -> throw ApiProblem.conflict("The old CPS e-mail is confirmed already");
        }
    }

    private Tried tryCode(String accountId, String code, Instant now) {
        LegacyEmailCodeStore.StoredCode stored = store.findForUpdate(accountId).orElse(null);
        if (stored == null) {
            return new Tried(Outcome.NO_CODE, 0);
        }
        if (stored.usedAt() != null) {
            return new Tried(Outcome.USED, 0);
        }
        if (stored.attempts() >= settings.maxAttempts()) {
            return new Tried(Outcome.EXHAUSTED, 0);
        }
        if (!now.isBefore(stored.expiresAt())) {
            return new Tried(Outcome.EXPIRED, 0);
        }
        if (!store.matches(accountId, stored, code)) {
            store.countWrongTry(accountId);
            return new Tried(Outcome.WRONG, settings.maxAttempts() - stored.attempts() - 1);
        }
        commands.sendAndWait(new ConfirmLegacyEmail(accountId, stored.issueId(), now));
        store.markUsed(accountId, now);
        return new Tried(Outcome.CONFIRMED, 0);
    }

    private LegacyEmailCodeRequest codeRequest() {
        Instant now = clock.instant();
        return new LegacyEmailCodeRequest(
                UUID.randomUUID().toString(), // public (in the event store); only the derived code is secret
                now,
                now.plus(settings.codeTtl()),
                settings.minInterval(),
                settings.maxCodesPerDay());
    }

    /** Runs a command and turns the account's refusals into problems. */
    private static <T> T send(Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw ApiProblem.notFound("No account for this member");
        } catch (RuntimeException e) {
            AccountRuleViolation refused = AccountRuleViolation.in(e).orElseThrow(() -> e);
            throw switch (refused.rule()) {
                case LEGACY_EMAIL_CONFIRMED, NO_LEGACY_EMAIL, NOT_ACTIVE, ERASED ->
                    ApiProblem.conflict(refused.getMessage());
                case TOO_MANY_CODES ->
                    new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", refused.getMessage());
                case UNKNOWN_CODE -> ApiProblem.invalid("code", "was replaced by a newer code: use that one");
                case CODE_EXPIRED -> ApiProblem.invalid("code", "has expired: request a new code");
                default -> e;
            };
        }
    }
}
