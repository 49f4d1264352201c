package com.canon.cps.account.application;

import com.canon.cps.account.AccountSettings;
import com.canon.cps.account.application.domain.ApplyForBusinessAccount;
import com.canon.cps.account.application.domain.PostalAddress;
import com.canon.cps.account.application.web.ApplicationRequest;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.vat.VatIdCheck;
import com.canon.cps.verification.vat.VatIdValidator;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an application: validates what Bean Validation cannot, claims the contact e-mail and records the
 * application's events in one transaction, so a refused application leaves nothing behind.
 */
@Service
public class ApplicationService {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccountSettings settings;
    private final VatIdValidator vatIds = new VatIdValidator();

    ApplicationService(
            CommandGateway commands,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            AccountSettings settings) {
        this.commands = commands;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public String apply(ApplicationRequest request) {
        ApplyForBusinessAccount command = toCommand(UUID.randomUUID().toString(), request);
        transactions.executeWithoutResult(tx -> {
            try {
                jdbc.update(
                        "INSERT INTO account_email (email, account_id) VALUES (?, ?)",
                        command.contactEmail(),
                        command.accountId());
            } catch (DuplicateKeyException e) {
                throw ApiProblem.conflict("An account already exists for this contact e-mail");
            }
            commands.sendAndWait(command);
        });
        return command.accountId();
    }

    private ApplyForBusinessAccount toCommand(String accountId, ApplicationRequest r) {
        boolean vatLiable = r.vatLiable();
        String vatId =
                r.vatId() == null || r.vatId().isBlank() ? null : r.vatId().trim();
        if (vatLiable && vatId == null) {
            throw ApiProblem.invalid("vatId", "is required for a VAT-liable business");
        }
        if (vatLiable) {
            VatIdCheck check = vatIds.check(vatId);
            if (!check.valid()) {
                throw ApiProblem.invalid("vatId", "is not a valid VAT ID (" + check.reason() + ")");
            }
            vatId = check.normalised();
        }
        List<String> documents = List.copyOf(r.evidenceDocumentIds());
        if (documents.size() != 1) {
            throw ApiProblem.invalid("evidenceDocumentIds", "exactly one evidence document is required");
        }
        ApplicationRequest.AddressRequest a = r.address();
        if (!settings.countries().contains(a.country())) {
            throw ApiProblem.invalid("address.country", "unknown or unsupported country " + a.country());
        }
        return new ApplyForBusinessAccount(
                accountId,
                r.companyName().trim(),
                new PostalAddress(
                        a.line1().trim(), a.postalCode().trim(), a.city().trim(), a.country()),
                r.contactName().trim(),
                r.contactEmail().trim().toLowerCase(Locale.ROOT),
                r.language(),
                vatLiable,
                vatLiable ? vatId : null,
                documents,
                r.legacyCpsEmail() == null ? null : r.legacyCpsEmail().trim().toLowerCase(Locale.ROOT),
                clock.instant());
    }
}
