package com.canon.cps.account.password;

import com.canon.cps.account.onboarding.domain.ChangePassword;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in member changes its password, giving the current one. The new one must satisfy the
 * {@link PasswordPolicy} and differ from the current one. The credential is replaced only if it is still the one that
 * was checked (a concurrent change wins, this one is refused), in one transaction with the account's
 * {@code PasswordChanged} and whatever the caller adds (ending the other sessions).
 */
@Service
public class PasswordChanges {

    private final MemberCredentials credentials;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChanges(
            MemberCredentials credentials, CommandGateway commands, TransactionTemplate transactions, Clock clock) {
        this.credentials = credentials;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Changes the password; {@code inTransaction} runs in the transaction that records the change. */
    public void change(String accountId, String currentPassword, String newPassword, Runnable inTransaction) {
        String currentHash = credentials
                .hashIfMatches(accountId, currentPassword)
                .orElseThrow(() -> ApiProblem.invalid("currentPassword", "is not your current password"));
        requireAcceptable(accountId, currentPassword, newPassword);
        String newHash = credentials.hash(newPassword); // slow on purpose: before the transaction, not inside it
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            if (!credentials.replaceIfUnchanged(accountId, currentHash, newHash, now)) {
                throw ApiProblem.invalid("currentPassword", "is not your current password");
            }
            commands.sendAndWait(new ChangePassword(accountId, now));
            inTransaction.run();
        });
    }

    private void requireAcceptable(String accountId, String currentPassword, String newPassword) {
        List<String> violations = new ArrayList<>(PasswordPolicy.violations(
                newPassword, credentials.emailOf(accountId).orElse(null)));
        if (newPassword.equals(currentPassword)) {
            violations.add("must differ from the current password");
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "newPassword: " + String.join("; ", violations),
                    violations.stream()
                            .map(v -> new ApiProblem.FieldError("newPassword", v))
                            .toList());
        }
    }
}
