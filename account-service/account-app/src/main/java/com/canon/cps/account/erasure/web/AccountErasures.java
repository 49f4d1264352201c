package com.canon.cps.account.erasure.web;

import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.EraseAccount;
import com.canon.cps.account.password.MemberCredentials;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Erases an account (GDPR Art. 17): on an ADMIN's request (audited as {@code ACCOUNT_ERASED}, with the reason) or on
 * the member's own, given its current password. Either records {@code AccountErased}; the rest follows from it (see
 * the package documentation). An account erased already is refused (409), an unknown one is 404.
 */
@Service
public class AccountErasures {

    /** What a member's own erasure records as its requester. */
    static final String MEMBER = "member";

    private final CommandGateway commands;
    private final MemberCredentials credentials;
    private final OperatorAudit audit;
    private final Clock clock;

    AccountErasures(CommandGateway commands, MemberCredentials credentials, OperatorAudit audit, Clock clock) {
        this.commands = commands;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome: the account and when it was erased. */
    public record Erased(String accountId, String status, Instant erasedAt) {}

    /** An operator (ADMIN) erases {@code accountId}, e.g. on a request that came by letter. */
    Erased byOperator(String accountId, String reason) {
        requireAccountId(accountId);
        String requestedBy = "operator:"
                + OperatorIdentity.current().map(OperatorIdentity::id).orElse("unknown");
        Instant now = clock.instant();
        try {
            audit.perform(
                    OperatorActions.ACCOUNT_ERASED,
                    OperatorAudit.Subject.of(OperatorActions.ACCOUNT, accountId).withAccount(accountId),
                    () -> commands.sendAndWait(new EraseAccount(accountId, requestedBy, reason, now)),
                    Map.of("reason", reason));
        } catch (RuntimeException failure) {
            throw refused(accountId, failure);
        }
        return new Erased(accountId, "ERASED", now);
    }

    /**
     * The signed-in member erases its own account, with its current password if the client asked for it; a wrong one is a 400 at
     * {@code currentPassword} and changes nothing.
     */
    public Erased byMember(String accountId, String currentPassword, String reason) {
        if (currentPassword != null && !credentials.isPasswordOf(accountId, currentPassword)) {
            throw ApiProblem.invalid("currentPassword", "is not your current password");
        }
        Instant now = clock.instant();
        try {
            commands.sendAndWait(new EraseAccount(accountId, MEMBER, reason, now));
        } catch (RuntimeException failure) {
            throw refused(accountId, failure);
        }
        return new Erased(accountId, "ERASED", now);
    }

    private static RuntimeException refused(String accountId, RuntimeException failure) {
        if (failure instanceof AggregateNotFoundException || failure.getCause() instanceof AggregateNotFoundException) {
            return ApiProblem.notFound("No account " + accountId);
        }
        return AccountRuleViolation.in(failure)
                .<RuntimeException>map(refused -> ApiProblem.conflict(refused.getMessage()))
                .orElse(failure);
    }

    private static void requireAccountId(String accountId) {
        try {
            UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("No account " + accountId);
        }
    }
}
