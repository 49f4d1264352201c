package com.canon.cps.account.password;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.ActivateAccount;
import com.canon.cps.account.onboarding.domain.LegacyEmailCodeRequest;
import com.canon.cps.account.onboarding.domain.ResetPassword;
import com.canon.cps.account.password.store.SetupLinkStore;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets a member's password with a link: a setup link sets the first password and activates the verified account, a
 * reset link replaces the password of an active one (which ends every session of the account). The link must exist,
 * be unused and unexpired (business clock), the password must satisfy the {@link PasswordPolicy}. Using the link,
 * storing the credential and the account's event commit together or not at all; the link row is locked, so two
 * requests with one token cannot both succeed.
 */
@Service
class PasswordSetupService {

    private final SetupLinkStore links;
    private final MemberCredentials credentials;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountSettings.LegacyEmail legacyEmail;

    PasswordSetupService(
            SetupLinkStore links,
            MemberCredentials credentials,
            CommandGateway commands,
            TransactionTemplate transactions,
            Clock clock,
            AccountSettings settings) {
        this.links = links;
        this.credentials = credentials;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.legacyEmail = settings.legacyEmail();
    }

    void setPassword(String token, String password) {
        Instant now = clock.instant();
        SetupLinkStore.SetupLink link = usable(links.find(token).orElse(null), now);
        requireAcceptable(password, link.accountId());
        String hash = credentials.hash(password); // slow on purpose: before the transaction, not inside it
        transactions.executeWithoutResult(tx -> {
            SetupLinkStore.SetupLink locked = usable(links.findForUpdate(token).orElse(null), now);
            links.markUsed(token, now);
            if (locked.purpose() == SetupLinkStore.Purpose.RESET) {
                reset(locked, hash, now);
            } else {
                activate(locked, hash, now);
            }
        });
    }

    private void requireAcceptable(String password, String accountId) {
        List<String> violations = PasswordPolicy.violations(
                password, credentials.emailOf(accountId).orElse(null));
        if (!violations.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "password: " + String.join("; ", violations),
                    violations.stream()
                            .map(v -> new ApiProblem.FieldError("password", v))
                            .toList());
        }
    }

    /** Within the link's transaction: store the first credential, activate the account. */
    private void activate(SetupLinkStore.SetupLink link, String passwordHash, Instant now) {
        if (!credentials.storeFirst(link.accountId(), passwordHash, now)) {
            throw invalidToken("was already used");
        }
        try {
            // an old CPS e-mail given when applying gets its first code now: the member can sign in and type it in
            LegacyEmailCodeRequest code = new LegacyEmailCodeRequest(
                    UUID.randomUUID().toString(),
                    now,
                    now.plus(legacyEmail.codeTtl()),
                    legacyEmail.minInterval(),
                    legacyEmail.maxCodesPerDay());
            commands.sendAndWait(new ActivateAccount(link.accountId(), link.issueId(), now, code));
        } catch (AccountRuleViolation refused) {
            // the account's own rules agree with the link table in every normal case; if not, the account wins
            throw invalidToken(
                    switch (refused.rule()) {
                        case SETUP_LINK_EXPIRED -> "has expired";
                        case ALREADY_ACTIVE -> "was already used";
                        default -> "cannot be used for this account";
                    });
        }
    }

    /** Within the link's transaction: replace the credential; the account records the change. */
    private void reset(SetupLinkStore.SetupLink link, String passwordHash, Instant now) {
        if (!credentials.replace(link.accountId(), passwordHash, now)) {
            throw invalidToken("cannot be used for this account");
        }
        try {
            commands.sendAndWait(new ResetPassword(link.accountId(), link.issueId(), now));
        } catch (AccountRuleViolation refused) {
            throw invalidToken(
                    switch (refused.rule()) {
                        case RESET_LINK_EXPIRED -> "has expired";
                        case UNKNOWN_RESET_LINK -> "was replaced by a newer link or already used";
                        default -> "cannot be used for this account";
                    });
        }
    }

    private static SetupLinkStore.SetupLink usable(SetupLinkStore.SetupLink link, Instant now) {
        if (link == null) {
            throw invalidToken("is unknown");
        }
        if (link.usedAt() != null) {
            throw invalidToken("was already used");
        }
        if (!link.usableAt(now)) {
            throw invalidToken("has expired");
        }
        return link;
    }

    private static ApiProblem invalidToken(String why) {
        return ApiProblem.invalid("token", why);
    }
}
