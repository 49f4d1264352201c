package com.canon.cps.account.password;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.ReissuePasswordSetup;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any operator {@code POST /api/accounts/{accountId}/password-setup}: a new password-setup link for a verified account
 * whose link expired or was lost (the e-mail goes out like the first one); the previous link stops working. Any
 * operator may, not only a REVIEWER (ADR 19): the link goes only to the member's own contact e-mail, so it grants the
 * operator nothing, and whoever takes the member's call can help. Recorded in the audit trail with the account.
 */
@RestController
@OperatorAccess.AnyOperator
class PasswordSetupReissueController {

    record Reissued(String accountId, Instant expiresAt) {}

    private final CommandGateway commands;
    private final AccountSettings settings;
    private final Clock clock;
    private final OperatorAudit audit;

    PasswordSetupReissueController(
            CommandGateway commands, AccountSettings settings, Clock clock, OperatorAudit audit) {
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    @PostMapping("/api/accounts/{accountId}/password-setup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Reissued reissue(@PathVariable String accountId) {
        try {
            UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("No account " + accountId);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.passwordTokenTtl());
        try {
            audit.perform(
                    OperatorActions.PASSWORD_SETUP_REISSUED,
                    OperatorAudit.Subject.of(OperatorActions.ACCOUNT, accountId).withAccount(accountId),
                    () -> commands.sendAndWait(new ReissuePasswordSetup(
                            accountId, UUID.randomUUID().toString(), now, expiresAt)),
                    Map.of("expiresAt", expiresAt.toString()));
        } catch (AggregateNotFoundException e) {
            throw ApiProblem.notFound("No account " + accountId);
        } catch (AccountRuleViolation refused) {
            throw ApiProblem.conflict(refused.getMessage());
        }
        return new Reissued(accountId, expiresAt);
    }
}
