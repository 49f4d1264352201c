package com.canon.cps.account.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.account.application.domain.AccountRuleViolation.Rule;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A Business Account from application to activation, rebuilt from its events.
 *
 * <p>Lifecycle: {@code PENDING_VERIFICATION} (⇄ {@code INFO_REQUESTED}) → {@code VERIFIED} → {@code ACTIVE}, or →
 * {@code REJECTED}, which is final. Invariants: the account is opened at most once and then has exactly one
 * password-setup link; a password can only be set with that link, before it expires, once, on a verified account.
 * Only an active account gets password-reset links, at most one per requested interval; each replaces the previous
 * one and resets the password once, before it expires.
 * Commands that arrive again for the state they already caused (a redelivered verification outcome) change nothing,
 * so consumers may retry them; commands that contradict the state are refused.
 */
@Aggregate(cache = "aggregateCache")
public class BusinessAccount {

    @AggregateIdentifier
    private String accountId;

    private AccountStatus status;
    private String companyName;
    private String country;
    private String contactEmail;
    private String language;
    private String legacyCpsEmail;
    private String setupIssueId;
    private Instant setupExpiresAt;
    private String resetIssueId;
    private Instant resetExpiresAt;
    private Instant lastResetIssuedAt;

    protected BusinessAccount() {}

    @CommandHandler
    public BusinessAccount(ApplyForBusinessAccount command) {
        apply(new AccountApplicationSubmitted(
                command.accountId(),
                command.companyName(),
                command.address(),
                command.contactName(),
                command.contactEmail(),
                command.language(),
                command.vatLiable(),
                command.vatId(),
                command.documentIds(),
                command.legacyCpsEmail(),
                command.submittedAt()));
    }

    @CommandHandler
    void handle(OpenAccount command) {
        if (status == AccountStatus.VERIFIED || status == AccountStatus.ACTIVE) {
            return; // already open: a repeated approval must not issue a second setup link
        }
        refuseIfRejected("open");
        apply(new AccountOpened(
                accountId,
                command.caseId(),
                command.verificationMethod(),
                companyName,
                country,
                language,
                legacyCpsEmail,
                command.openedAt()));
        apply(new PasswordSetupIssued(
                accountId,
                command.setupIssueId(),
                contactEmail,
                language,
                command.openedAt(),
                command.setupExpiresAt()));
    }

    /** Only a verified account without a password gets a new link; it replaces the previous one. */
    @CommandHandler
    void handle(ReissuePasswordSetup command) {
        switch (status) {
            case ACTIVE -> throw new AccountRuleViolation(Rule.ALREADY_ACTIVE, "The account already has a password");
            case VERIFIED -> {}
            default -> throw new AccountRuleViolation(Rule.NOT_VERIFIED, "The account is not verified: " + status);
        }
        apply(new PasswordSetupIssued(
                accountId,
                command.setupIssueId(),
                contactEmail,
                language,
                command.issuedAt(),
                command.setupExpiresAt()));
    }

    @CommandHandler
    void handle(RejectAccount command) {
        if (status == AccountStatus.REJECTED) {
            return;
        }
        refuseIfOpened("reject");
        apply(new AccountRejected(accountId, command.caseId(), command.reason(), command.rejectedAt()));
    }

    @CommandHandler
    void handle(RequestAccountInfo command) {
        refuseIfRejected("request information on");
        refuseIfOpened("request information on");
        apply(new AccountInfoRequested(accountId, command.caseId(), command.reason(), command.requestedAt()));
    }

    @CommandHandler
    void handle(ActivateAccount command) {
        switch (status) {
            case ACTIVE -> throw new AccountRuleViolation(Rule.ALREADY_ACTIVE, "The account is already active");
            case VERIFIED -> {}
            default -> throw new AccountRuleViolation(Rule.NOT_VERIFIED, "The account is not verified: " + status);
        }
        if (!command.setupIssueId().equals(setupIssueId)) {
            throw new AccountRuleViolation(Rule.UNKNOWN_SETUP_LINK, "Not the account's password-setup link");
        }
        if (!command.activatedAt().isBefore(setupExpiresAt)) {
            throw new AccountRuleViolation(Rule.SETUP_LINK_EXPIRED, "The password-setup link expired");
        }
        apply(new AccountActivated(accountId, setupIssueId, command.activatedAt()));
    }

    /** Issues a reset link unless one was issued within the interval; answers whether it did. */
    @CommandHandler
    boolean handle(IssuePasswordReset command) {
        if (status != AccountStatus.ACTIVE) {
            throw new AccountRuleViolation(Rule.NOT_ACTIVE, "The account has no password to reset: " + status);
        }
        if (lastResetIssuedAt != null
                && command.requestedAt().isBefore(lastResetIssuedAt.plus(command.minInterval()))) {
            return false;
        }
        apply(new PasswordResetIssued(
                accountId, command.resetIssueId(), contactEmail, language, command.requestedAt(), command.expiresAt()));
        return true;
    }

    @CommandHandler
    void handle(ResetPassword command) {
        if (status != AccountStatus.ACTIVE) {
            throw new AccountRuleViolation(Rule.NOT_ACTIVE, "The account has no password to reset: " + status);
        }
        if (resetIssueId == null || !resetIssueId.equals(command.resetIssueId())) {
            throw new AccountRuleViolation(Rule.UNKNOWN_RESET_LINK, "Not the account's current password-reset link");
        }
        if (!command.changedAt().isBefore(resetExpiresAt)) {
            throw new AccountRuleViolation(Rule.RESET_LINK_EXPIRED, "The password-reset link expired");
        }
        apply(new PasswordChanged(accountId, resetIssueId, command.changedAt()));
    }

    private void refuseIfRejected(String action) {
        if (status == AccountStatus.REJECTED) {
            throw new AccountRuleViolation(Rule.ALREADY_DECIDED, "Cannot " + action + " a rejected account");
        }
    }

    private void refuseIfOpened(String action) {
        if (status == AccountStatus.VERIFIED || status == AccountStatus.ACTIVE) {
            throw new AccountRuleViolation(Rule.ALREADY_DECIDED, "Cannot " + action + " an opened account");
        }
    }

    @EventSourcingHandler
    void on(AccountApplicationSubmitted event) {
        accountId = event.accountId();
        status = AccountStatus.PENDING_VERIFICATION;
        companyName = event.companyName();
        country = event.address().country();
        contactEmail = event.contactEmail();
        language = event.language();
        legacyCpsEmail = event.legacyCpsEmail();
    }

    @EventSourcingHandler
    void on(AccountInfoRequested event) {
        status = AccountStatus.INFO_REQUESTED;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        status = AccountStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(PasswordSetupIssued event) {
        setupIssueId = event.issueId();
        setupExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AccountRejected event) {
        status = AccountStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AccountActivated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PasswordResetIssued event) {
        resetIssueId = event.issueId();
        resetExpiresAt = event.expiresAt();
        lastResetIssuedAt = event.issuedAt();
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        resetIssueId = null; // single use
    }

    AccountStatus status() {
        return status;
    }
}
