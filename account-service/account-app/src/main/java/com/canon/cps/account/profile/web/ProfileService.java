package com.canon.cps.account.profile.web;

import com.canon.cps.account.auth.store.MemberSessions;
import com.canon.cps.account.auth.store.OperatorAccounts;
import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.AccountRuleViolation;
import com.canon.cps.account.onboarding.domain.ChangeAccountDetails;
import com.canon.cps.account.onboarding.domain.ConfirmContactEmail;
import com.canon.cps.account.onboarding.domain.PostalAddress;
import com.canon.cps.account.onboarding.domain.RequestCompanyChange;
import com.canon.cps.account.onboarding.domain.RequestContactEmailChange;
import com.canon.cps.account.onboarding.store.ContactEmailClaims;
import com.canon.cps.account.onboarding.web.ApplicationService;
import com.canon.cps.account.profile.store.ContactEmailLinks;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The member's changes of its own account (see the package documentation). A request is checked as a whole before
 * anything is recorded, and recorded in one transaction: a refused part (a taken e-mail address, another country)
 * leaves the other parts unrecorded too.
 */
@Service
class ProfileService {

    /** The details to change; {@code null} leaves one as it is. Strings trimmed, the e-mail lower case. */
    public record DetailsChange(String contactName, String language, PostalAddress address, String contactEmail) {}

    /** What a change did: the details changed at once, and the address now waiting for its confirmation. */
    public record DetailsChanged(List<String> changed, String pendingContactEmail) {}

    /** A change of company details handed to verification. */
    public record CompanyChangeRequested(String changeId, String companyName, String vatId) {}

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final ContactEmailClaims claims;
    private final ContactEmailLinks links;
    private final MemberSessions sessions;
    private final AccountSettings settings;
    private final OperatorAccounts operators;
    private final Clock clock;

    ProfileService(
            CommandGateway commands,
            TransactionTemplate transactions,
            ContactEmailClaims claims,
            ContactEmailLinks links,
            MemberSessions sessions,
            AccountSettings settings,
            OperatorAccounts operators,
            Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.claims = claims;
        this.links = links;
        this.sessions = sessions;
        this.settings = settings;
        this.operators = operators;
        this.clock = clock;
    }

    public DetailsChanged change(String accountId, DetailsChange change) {
        if (change.address() != null) {
            ApplicationService.requireSupportedCountry(
                    settings, change.address().country());
        }
        String email = change.contactEmail();
        if (email != null && (claims.heldByAnother(email, accountId) || isOperator(email))) {
            throw ApiProblem.conflict("This e-mail address belongs to another account");
        }
        Instant now = clock.instant();
        return transactions.execute(tx -> send(() -> {
            List<String> changed = change.contactName() == null && change.language() == null && change.address() == null
                    ? List.of()
                    : commands.sendAndWait(new ChangeAccountDetails(
                            accountId, change.contactName(), change.language(), change.address(), now));
            boolean pending = email != null
                    && Boolean.TRUE.equals(commands.sendAndWait(new RequestContactEmailChange(
                            accountId,
                            UUID.randomUUID()
                                    .toString(), // public (in the event store); only the derived token is secret
                            email,
                            now,
                            now.plus(settings.contactEmailChange().tokenTtl()))));
            return new DetailsChanged(changed, pending ? email : null);
        }));
    }

    /** Uses a confirmation link: the account's contact e-mail (and login name) becomes the new address. */
    public void confirmContactEmail(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            ContactEmailLinks.Link link = links.findForUpdate(token).orElseThrow(() -> invalidToken("is unknown"));
            if (link.usedAt() != null) {
                throw invalidToken("was already used");
            }
            if (!now.isBefore(link.expiresAt())) {
                throw invalidToken("has expired");
            }
            try {
                claims.move(link.accountId(), link.newEmail());
            } catch (DuplicateKeyException taken) {
                throw ApiProblem.conflict("This e-mail address belongs to another account");
            }
            send(() -> commands.sendAndWait(new ConfirmContactEmail(link.accountId(), link.issueId(), now)));
            links.markUsed(token, now);
            sessions.emailChanged(link.accountId(), link.newEmail());
        });
    }

    /** Hands a change of company name and/or VAT ID ({@code null}: unchanged) to verification. */
    public CompanyChangeRequested requestCompanyChange(String accountId, String companyName, String vatId) {
        String normalisedVatId = vatId == null ? null : ApplicationService.normalisedVatId(vatId);
        String changeId = UUID.randomUUID().toString();
        send(() -> commands.sendAndWait(
                new RequestCompanyChange(accountId, changeId, companyName, normalisedVatId, clock.instant())));
        return new CompanyChangeRequested(changeId, companyName, normalisedVatId);
    }

    private boolean isOperator(String email) {
        return operators.isOperatorEmail(email);
    }

    /** Runs a command (or several) and turns the account's refusals into problems. */
    private static <T> T send(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw ApiProblem.notFound("No account for this member");
        } catch (RuntimeException e) {
            AccountRuleViolation refused = AccountRuleViolation.in(e).orElseThrow(() -> e);
            throw switch (refused.rule()) {
                case CHANGE_PENDING -> ApiProblem.conflict(refused.getMessage());
                case COUNTRY_CANNOT_CHANGE ->
                    ApiProblem.invalid(
                            "address.country",
                            "the country of the account cannot change (apply anew for a business in another country)");
                case NOTHING_TO_CHANGE ->
                    ApiProblem.invalid("companyName", "and vatId are the current ones: nothing to change");
                case NOT_VAT_LIABLE ->
                    ApiProblem.invalid("vatId", "the business is not VAT-liable, so it has no VAT ID");
                case UNKNOWN_EMAIL_LINK -> invalidToken("was replaced by a newer link or already used");
                case EMAIL_LINK_EXPIRED -> invalidToken("has expired");
                case NOT_ACTIVE, ERASED -> ApiProblem.conflict(refused.getMessage());
                default -> e;
            };
        }
    }

    private static ApiProblem invalidToken(String why) {
        return ApiProblem.invalid("token", why);
    }
}
