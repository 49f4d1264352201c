package com.canon.cps.account.onboarding.web;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.domain.ApplyForBusinessAccount;
import com.canon.cps.account.onboarding.domain.Countries;
import com.canon.cps.account.onboarding.domain.PostalAddress;
import com.canon.cps.account.onboarding.store.ContactEmailClaims;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.vat.VatIdCheck;
import com.canon.cps.verification.vat.VatIdValidator;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an application: validates what Bean Validation cannot, claims the contact e-mail and records the
 * application's events in one transaction, so a refused application leaves nothing behind. The address of a rejected
 * application is free again ({@link ContactEmailClaims}): applying with it makes a new account.
 */
@Service
public class ApplicationService {

    private final CommandGateway commands;
    private final ContactEmailClaims claims;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountSettings settings;
    private static final VatIdValidator VAT_IDS = new VatIdValidator();

    ApplicationService(
            CommandGateway commands,
            ContactEmailClaims claims,
            TransactionTemplate transactions,
            Clock clock,
            AccountSettings settings) {
        this.commands = commands;
        this.settings = settings;
        this.claims = claims;
        this.transactions = transactions;
        this.clock = clock;
    }

    public String apply(ApplicationRequest request) {
        ApplyForBusinessAccount command = toCommand(UUID.randomUUID().toString(), request);
        transactions.executeWithoutResult(tx -> {
            try {
                claims.claim(command.contactEmail(), command.accountId());
            } catch (DuplicateKeyException e) {
                throw ApiProblem.conflict("An account already exists for this contact e-mail");
            }
            commands.sendAndWait(command);
        });
        return command.accountId();
    }

    private ApplyForBusinessAccount toCommand(String accountId, ApplicationRequest r) {
        boolean vatLiable = r.vatLiable();
        String vatId = vatLiable ? normalisedVatId(r.vatId()) : null; // a VAT ID given without VAT liability is dropped
        List<String> documents = r.evidenceDocumentIds() == null ? List.of() : List.copyOf(r.evidenceDocumentIds());
        requireEvidence(vatLiable, vatId, documents);
        ApplicationRequest.AddressRequest a = r.address();
        requireSupportedCountry(settings, a.country());
        return new ApplyForBusinessAccount(
                accountId,
                r.companyName().trim(),
                new PostalAddress(
                        a.line1().trim(), a.postalCode().trim(), a.city().trim(), a.country()),
                r.contactName().trim(),
                r.contactEmail().trim().toLowerCase(Locale.ROOT),
                r.language(),
                vatLiable,
                vatId,
                documents,
                r.legacyCpsEmail() == null ? null : r.legacyCpsEmail().trim().toLowerCase(Locale.ROOT),
                clock.instant());
    }

    /**
     * Refuses an address country the platform does not serve. {@code GR} is Greece's ISO code, which an address keeps;
     * the account's country code is {@code EL} ({@link Countries#accountCountry}), as the configured list says.
     */
    public static void requireSupportedCountry(AccountSettings settings, String addressCountry) {
        if (!settings.countries().contains(addressCountry)
                && !settings.countries().contains(Countries.accountCountry(addressCountry))) {
            throw ApiProblem.invalid("address.country", "unknown or unsupported country " + addressCountry);
        }
    }

    /** The VAT ID as the registry knows it, or null when none was given; an invalid one is refused. */
    public static String normalisedVatId(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        VatIdCheck check = VAT_IDS.check(given.trim());
        if (!check.valid()) {
            throw ApiProblem.invalid("vatId", "is not a valid VAT ID (" + check.reason() + ")");
        }
        return check.normalised();
    }

    /**
     * The evidence rule (docs/domain.md §1) as far as account-service can see it: a VAT-liable business gives a VAT ID, an
     * invoice showing it, or both (so at most one document); any other business exactly one document. Document types
     * are known only to verification-service, which routes an application without a VAT ID to an operator.
     */
    private static void requireEvidence(boolean vatLiable, String vatId, List<String> documents) {
        if (!vatLiable) {
            if (documents.size() != 1) {
                throw ApiProblem.invalid("evidenceDocumentIds", "exactly one evidence document is required");
            }
            return;
        }
        if (vatId == null && documents.isEmpty()) {
            throw ApiProblem.invalid(
                    "vatId",
                    "is required for a VAT-liable business unless an invoice showing the VAT ID and the company name"
                            + " is given");
        }
        if (documents.size() > 1) {
            throw ApiProblem.invalid(
                    "evidenceDocumentIds", "at most one evidence document (an invoice showing the VAT ID) is allowed");
        }
    }
}
