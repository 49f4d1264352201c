package com.canon.cps.account.password;

import com.canon.cps.account.AccountSettings;
import com.canon.cps.account.application.domain.AccountRuleViolation;
import com.canon.cps.account.application.domain.ReissuePasswordSetup;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPERATOR {@code POST /api/accounts/{accountId}/password-setup}: a new password-setup link for a verified account
 * whose link expired or was lost (the e-mail goes out like the first one); the previous link stops working.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class PasswordSetupReissueController {

    record Reissued(String accountId, Instant expiresAt) {}

    private final CommandGateway commands;
    private final AccountSettings settings;
    private final Clock clock;

    PasswordSetupReissueController(CommandGateway commands, AccountSettings settings, Clock clock) {
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
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
            commands.sendAndWait(
                    new ReissuePasswordSetup(accountId, UUID.randomUUID().toString(), now, expiresAt));
        } catch (AggregateNotFoundException e) {
            throw ApiProblem.notFound("No account " + accountId);
        } catch (AccountRuleViolation refused) {
            throw ApiProblem.conflict(refused.getMessage());
        }
        return new Reissued(accountId, expiresAt);
    }
}
