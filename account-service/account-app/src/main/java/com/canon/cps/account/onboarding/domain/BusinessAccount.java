package com.canon.cps.account.onboarding.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.canon.cps.account.onboarding.domain.AccountRuleViolation.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A Business Account from application to activation and the member's own changes afterwards, rebuilt from its events.
 *
 * <p>Lifecycle: {@code PENDING_VERIFICATION} (⇄ {@code INFO_REQUESTED}) → {@code VERIFIED} → {@code ACTIVE}, or →
 * {@code REJECTED}, which is final; from any state → {@code ERASED} (GDPR Art. 17), final too: an erased account refuses
 * every command. Invariants: the account is opened at most once and then has exactly one
 * password-setup link; a password can only be set with that link, before it expires, once, on a verified account.
 * Only an active account gets password-reset links, at most one per requested interval; each replaces the previous
 * one and resets the password once, before it expires. Only an active account changes its details: contact name,
 * language and address at once; a contact e-mail only with the current confirmation link, before it expires; company
 * name and VAT ID only when verification approves, one change at a time. The old CPS e-mail counts as proven only
 * with the current code sent to it, before it expires; once proven it never changes; codes are rationed
 * ({@link LegacyEmailCodeRequest}).
 * Commands that arrive again for the state they already caused (a redelivered verification outcome) change nothing,
 * so consumers may retry them; commands that contradict the state are refused.
 */
@Aggregate(cache = "aggregateCache")
class BusinessAccount {

    @AggregateIdentifier
    private String accountId;

    private AccountStatus status;
    private String companyName;
    private boolean vatLiable;
    private String vatId;
    private String country;
    private PostalAddress address;
    private String contactName;
    private String contactEmail;
    private String language;
    private String setupIssueId;
    private Instant setupExpiresAt;
    private String resetIssueId;
    private Instant resetExpiresAt;
    private Instant lastResetIssuedAt;
    private String pendingEmailIssueId;
    private String pendingEmail;
    private Instant pendingEmailExpiresAt;
    private String pendingCompanyChangeId;
    private String pendingCompanyName;
    private final LegacyEmailProof legacyEmail = new LegacyEmailProof();

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
        refuseIfErased();
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
                legacyEmail.address(),
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
        refuseIfErased();
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
        refuseIfErased();
        if (status == AccountStatus.REJECTED) {
            return;
        }
        refuseIfOpened("reject");
        apply(new AccountRejected(accountId, command.caseId(), command.reason(), command.rejectedAt()));
    }

    @CommandHandler
    void handle(RequestAccountInfo command) {
        refuseIfErased();
        refuseIfRejected("request information on");
        refuseIfOpened("request information on");
        apply(new AccountInfoRequested(accountId, command.caseId(), command.reason(), command.requestedAt()));
    }

    /** Only an application waiting for information goes back to waiting for a decision; anything else is a repeat. */
    @CommandHandler
    void handle(RecordAccountInfoProvided command) {
        refuseIfErased();
        if (status == AccountStatus.INFO_REQUESTED) {
            apply(new AccountInfoProvided(accountId, command.caseId(), command.providedAt()));
        }
    }

    @CommandHandler
    void handle(ActivateAccount command) {
        refuseIfErased();
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
        if (legacyEmail.address() != null && !legacyEmail.confirmed() && command.legacyCode() != null) {
            issueLegacyEmailCode(command.legacyCode());
        }
    }

    /** Issues a reset link unless one was issued within the interval; answers whether it did. */
    @CommandHandler
    boolean handle(IssuePasswordReset command) {
        refuseIfErased();
        requireActive("has no password to reset");
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
        refuseIfErased();
        requireActive("has no password to reset");
        if (resetIssueId == null || !resetIssueId.equals(command.resetIssueId())) {
            throw new AccountRuleViolation(Rule.UNKNOWN_RESET_LINK, "Not the account's current password-reset link");
        }
        if (!command.changedAt().isBefore(resetExpiresAt)) {
            throw new AccountRuleViolation(Rule.RESET_LINK_EXPIRED, "The password-reset link expired");
        }
        apply(new PasswordChanged(accountId, resetIssueId, command.changedAt()));
    }

    @CommandHandler
    void handle(ChangePassword command) {
        refuseIfErased();
        requireActive("has no password to change");
        apply(new PasswordChanged(accountId, null, command.changedAt()));
    }

    /** Answers the names of the details that changed; nothing is recorded when none did. */
    @CommandHandler
    List<String> handle(ChangeAccountDetails command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        List<String> changed = new ArrayList<>();
        String newName = changed(command.contactName(), contactName, "contactName", changed);
        String newLanguage = changed(command.language(), language, "language", changed);
        PostalAddress newAddress = changed(command.address(), address, "address", changed);
        if (changed.contains("address")
                && !Countries.accountCountry(newAddress.country()).equals(country)) {
            throw new AccountRuleViolation(Rule.COUNTRY_CANNOT_CHANGE, "The country of the account cannot change");
        }
        if (!changed.isEmpty()) {
            apply(new AccountDetailsChanged(
                    accountId, newName, newLanguage, newAddress, List.copyOf(changed), command.changedAt()));
        }
        return changed;
    }

    /** A new request replaces an unconfirmed earlier one; asking for the current address changes nothing. */
    @CommandHandler
    boolean handle(RequestContactEmailChange command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        if (command.newContactEmail().equals(contactEmail)) {
            return false;
        }
        apply(new ContactEmailChangeRequested(
                accountId,
                command.issueId(),
                command.newContactEmail(),
                language,
                command.requestedAt(),
                command.expiresAt()));
        return true;
    }

    /** Answers the new contact e-mail. */
    @CommandHandler
    String handle(ConfirmContactEmail command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        if (pendingEmailIssueId == null || !pendingEmailIssueId.equals(command.issueId())) {
            throw new AccountRuleViolation(Rule.UNKNOWN_EMAIL_LINK, "Not the account's current confirmation link");
        }
        if (!command.confirmedAt().isBefore(pendingEmailExpiresAt)) {
            throw new AccountRuleViolation(Rule.EMAIL_LINK_EXPIRED, "The confirmation link expired");
        }
        String newEmail = pendingEmail;
        apply(new ContactEmailChanged(accountId, command.issueId(), contactEmail, newEmail, command.confirmedAt()));
        return newEmail;
    }

    @CommandHandler
    void handle(RequestCompanyChange command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        if (pendingCompanyChangeId != null) {
            throw new AccountRuleViolation(Rule.CHANGE_PENDING, "A change of company details is being verified");
        }
        if (command.vatId() != null && !vatLiable) {
            throw new AccountRuleViolation(Rule.NOT_VAT_LIABLE, "The business is not VAT-liable: it has no VAT ID");
        }
        String newName = command.companyName() == null ? companyName : command.companyName();
        String newVatId = command.vatId() == null ? vatId : command.vatId();
        if (newName.equals(companyName) && Objects.equals(newVatId, vatId)) {
            throw new AccountRuleViolation(Rule.NOTHING_TO_CHANGE, "The company name and VAT ID are the current ones");
        }
        apply(new CompanyChangeRequested(
                accountId, command.changeId(), newName, newVatId, companyName, vatId, country, command.requestedAt()));
    }

    @CommandHandler
    void handle(ApplyCompanyChange command) {
        refuseIfErased();
        if (command.changeId().equals(pendingCompanyChangeId)) {
            apply(new CompanyDetailsChanged(
                    accountId,
                    command.changeId(),
                    command.caseId(),
                    command.companyName(),
                    command.vatId(),
                    command.approvedAt()));
        }
    }

    @CommandHandler
    void handle(RejectCompanyChange command) {
        refuseIfErased();
        if (command.changeId().equals(pendingCompanyChangeId)) {
            apply(new CompanyChangeRejected(
                    accountId,
                    command.changeId(),
                    command.caseId(),
                    pendingCompanyName,
                    command.reason(),
                    command.rejectedAt()));
        }
    }

    @CommandHandler
    void handle(GiveLegacyCpsEmail command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        if (legacyEmail.confirmed()) {
            throw new AccountRuleViolation(Rule.LEGACY_EMAIL_CONFIRMED, "The old CPS e-mail is confirmed already");
        }
        legacyEmail.refuseCode(command.code());
        if (!command.legacyCpsEmail().equals(legacyEmail.address())) {
            apply(new LegacyCpsEmailGiven(
                    accountId, command.legacyCpsEmail(), command.code().requestedAt()));
        }
        issueLegacyEmailCode(command.code());
    }

    @CommandHandler
    void handle(IssueLegacyEmailCode command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        if (legacyEmail.address() == null) {
            throw new AccountRuleViolation(Rule.NO_LEGACY_EMAIL, "No old CPS e-mail was given");
        }
        if (legacyEmail.confirmed()) {
            throw new AccountRuleViolation(Rule.LEGACY_EMAIL_CONFIRMED, "The old CPS e-mail is confirmed already");
        }
        legacyEmail.refuseCode(command.code());
        issueLegacyEmailCode(command.code());
    }

    @CommandHandler
    void handle(ConfirmLegacyEmail command) {
        refuseIfErased();
        requireActive("cannot be changed yet");
        legacyEmail.refuseConfirmation(command.issueId(), command.confirmedAt());
        apply(new LegacyEmailConfirmed(accountId, command.issueId(), legacyEmail.address(), command.confirmedAt()));
    }

    /**
     * Erases the account's personal data (GDPR Art. 17) in whatever state it is: afterwards it is {@code ERASED} and
     * refuses every command. The keys are destroyed once the event is stored (crypto-shredding, by the
     * {@code account-erasure} processor), so this event must be the last one.
     */
    @CommandHandler
    void handle(EraseAccount command) {
        refuseIfErased();
        apply(new AccountErased(accountId, command.requestedBy(), command.reason(), command.erasedAt()));
    }

    private void issueLegacyEmailCode(LegacyEmailCodeRequest code) {
        apply(new LegacyEmailCodeIssued(
                accountId, code.issueId(), legacyEmail.address(), language, code.requestedAt(), code.expiresAt()));
    }

    /** The requested value when given and different, noting the detail's name; else the current value. */
    private static <T> T changed(T requested, T current, String name, List<String> changed) {
        if (requested == null || requested.equals(current)) {
            return current;
        }
        changed.add(name);
        return requested;
    }

    private void requireActive(String what) {
        if (status != AccountStatus.ACTIVE) {
            throw new AccountRuleViolation(Rule.NOT_ACTIVE, "The account " + what + ": " + status);
        }
    }

    private void refuseIfErased() {
        if (status == AccountStatus.ERASED) {
            throw new AccountRuleViolation(Rule.ERASED, "The account was erased");
        }
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
        vatLiable = event.vatLiable();
        vatId = event.vatId();
        address = event.address();
        country = Countries.accountCountry(event.address().country());
        contactName = event.contactName();
        contactEmail = event.contactEmail();
        language = event.language();
        legacyEmail.given(event.legacyCpsEmail());
    }

    @EventSourcingHandler
    void on(AccountInfoRequested event) {
        status = AccountStatus.INFO_REQUESTED;
    }

    @EventSourcingHandler
    void on(AccountInfoProvided event) {
        status = AccountStatus.PENDING_VERIFICATION;
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
        resetIssueId = null; // single use; a change by the member also ends an outstanding reset link
    }

    @EventSourcingHandler
    void on(AccountDetailsChanged event) {
        contactName = event.contactName();
        language = event.language();
        address = event.address();
    }

    @EventSourcingHandler
    void on(ContactEmailChangeRequested event) {
        pendingEmailIssueId = event.issueId();
        pendingEmail = event.newContactEmail();
        pendingEmailExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ContactEmailChanged event) {
        contactEmail = event.contactEmail();
        pendingEmailIssueId = null;
        pendingEmail = null;
        pendingEmailExpiresAt = null;
    }

    @EventSourcingHandler
    void on(CompanyChangeRequested event) {
        pendingCompanyChangeId = event.changeId();
        pendingCompanyName = event.companyName();
    }

    @EventSourcingHandler
    void on(CompanyDetailsChanged event) {
        companyName = event.companyName();
        vatId = event.vatId();
        pendingCompanyChangeId = null;
        pendingCompanyName = null;
    }

    @EventSourcingHandler
    void on(CompanyChangeRejected event) {
        pendingCompanyChangeId = null;
        pendingCompanyName = null;
    }

    @EventSourcingHandler
    void on(LegacyCpsEmailGiven event) {
        legacyEmail.given(event.legacyCpsEmail());
    }

    @EventSourcingHandler
    void on(LegacyEmailCodeIssued event) {
        legacyEmail.codeIssued(event.issueId(), event.issuedAt(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(LegacyEmailConfirmed event) {
        legacyEmail.confirm();
    }

    /** Forgets the personal data held in memory; the events read {@code "[erased]"} from now on anyway. */
    @EventSourcingHandler
    void on(AccountErased event) {
        status = AccountStatus.ERASED;
        companyName = null;
        vatId = null;
        address = null;
        contactName = null;
        contactEmail = null;
        pendingEmailIssueId = null;
        pendingEmail = null;
        pendingEmailExpiresAt = null;
        pendingCompanyChangeId = null;
        pendingCompanyName = null;
        setupIssueId = null;
        resetIssueId = null;
        legacyEmail.given(null);
    }

    AccountStatus status() {
        return status;
    }
}
