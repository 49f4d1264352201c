package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.contract.Address;
import com.canon.cps.account.onboarding.domain.AccountDetailsChanged;
import com.canon.cps.account.onboarding.domain.AccountEvent;
import com.canon.cps.account.onboarding.domain.AccountInfoProvided;
import com.canon.cps.account.onboarding.domain.CompanyChangeRejected;
import com.canon.cps.account.onboarding.domain.CompanyChangeRequested;
import com.canon.cps.account.onboarding.domain.CompanyDetailsChanged;
import com.canon.cps.account.onboarding.domain.ContactEmailChangeRequested;
import com.canon.cps.account.onboarding.domain.ContactEmailChanged;
import com.canon.cps.account.onboarding.domain.Countries;
import com.canon.cps.account.onboarding.domain.LegacyCpsEmailGiven;
import com.canon.cps.account.onboarding.domain.LegacyEmailCodeIssued;
import com.canon.cps.account.onboarding.domain.LegacyEmailConfirmed;
import com.canon.cps.account.onboarding.domain.PasswordChanged;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.platform.sealing.SealedSecrets;
import java.util.Objects;
import java.util.Optional;

/**
 * The member's own changes (MY ACCOUNT, password, old CPS e-mail) as contract events. Secrets (the confirmation link's
 * token, the code for the old CPS e-mail) are derived here from their non-secret issue ids and go onto the wire only
 * sealed for notification-service, bound to the event (ADR 20).
 */
final class SelfServiceEvents {

    private final SetupLinkTokens links;
    private final LegacyEmailCodes codes;
    private final SealedSecrets seal;

    SelfServiceEvents(SetupLinkTokens links, LegacyEmailCodes codes, SealedSecrets seal) {
        this.links = links;
        this.codes = codes;
        this.seal = seal;
    }

    static boolean maps(AccountEvent event) {
        return event instanceof PasswordChanged
                || event instanceof AccountInfoProvided
                || event instanceof AccountDetailsChanged
                || event instanceof ContactEmailChangeRequested
                || event instanceof ContactEmailChanged
                || event instanceof CompanyChangeRequested
                || event instanceof CompanyDetailsChanged
                || event instanceof CompanyChangeRejected
                || event instanceof LegacyCpsEmailGiven
                || event instanceof LegacyEmailCodeIssued
                || event instanceof LegacyEmailConfirmed;
    }

    Optional<OutboundEvent> toContract(AccountEvent event, String eventId) {
        String id = event.accountId();
        if (event instanceof PasswordChanged e) {
            return out(
                    com.canon.cps.account.contract.PasswordChanged.TYPE,
                    id,
                    new com.canon.cps.account.contract.PasswordChanged(
                            id, e.resetIssueId() == null ? "CHANGE" : "RESET", e.changedAt()));
        }
        if (event instanceof AccountDetailsChanged e) {
            return out(
                    com.canon.cps.account.contract.AccountDetailsChanged.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountDetailsChanged(
                            id,
                            e.contactName(),
                            e.language(),
                            new Address(
                                    e.address().line1(),
                                    e.address().postalCode(),
                                    e.address().city(),
                                    e.address().country()),
                            Countries.accountCountry(e.address().country()),
                            e.changedFields(),
                            e.changedAt()));
        }
        if (event instanceof ContactEmailChangeRequested e) {
            String type = com.canon.cps.account.contract.ContactEmailConfirmationIssuedV2.TYPE;
            return out(
                    type,
                    id,
                    new com.canon.cps.account.contract.ContactEmailConfirmationIssuedV2(
                            id,
                            e.newContactEmail(),
                            e.language(),
                            seal.seal(links.tokenFor(id, e.issueId()), SealedSecrets.eventContext(type, eventId)),
                            e.expiresAt()));
        }
        if (event instanceof ContactEmailChanged e) {
            return out(
                    com.canon.cps.account.contract.ContactEmailChanged.TYPE,
                    id,
                    new com.canon.cps.account.contract.ContactEmailChanged(
                            id, e.contactEmail(), e.previousContactEmail(), e.changedAt()));
        }
        return companyOrLegacy(event, eventId);
    }

    private Optional<OutboundEvent> companyOrLegacy(AccountEvent event, String eventId) {
        String id = event.accountId();
        if (event instanceof CompanyChangeRequested e) {
            return out(
                    com.canon.cps.account.contract.CompanyChangeRequested.TYPE,
                    id,
                    new com.canon.cps.account.contract.CompanyChangeRequested(
                            id,
                            e.changeId(),
                            e.companyName(),
                            e.vatId(),
                            e.previousCompanyName(),
                            e.previousVatId(),
                            !Objects.equals(e.vatId(), e.previousVatId()),
                            e.country(),
                            e.requestedAt()));
        }
        if (event instanceof CompanyDetailsChanged e) {
            return out(
                    com.canon.cps.account.contract.CompanyDetailsChanged.TYPE,
                    id,
                    new com.canon.cps.account.contract.CompanyDetailsChanged(
                            id, e.changeId(), e.companyName(), e.vatId(), e.changedAt()));
        }
        if (event instanceof CompanyChangeRejected e) {
            return out(
                    com.canon.cps.account.contract.CompanyChangeRejected.TYPE,
                    id,
                    new com.canon.cps.account.contract.CompanyChangeRejected(
                            id, e.changeId(), e.companyName(), e.reason(), e.rejectedAt()));
        }
        if (event instanceof LegacyEmailCodeIssued e) {
            String type = com.canon.cps.account.contract.LegacyEmailCodeIssuedV2.TYPE;
            return out(
                    type,
                    id,
                    new com.canon.cps.account.contract.LegacyEmailCodeIssuedV2(
                            id,
                            e.legacyCpsEmail(),
                            e.language(),
                            seal.seal(codes.codeFor(id, e.issueId()), SealedSecrets.eventContext(type, eventId)),
                            e.expiresAt()));
        }
        if (event instanceof LegacyEmailConfirmed e) {
            return out(
                    com.canon.cps.account.contract.LegacyEmailConfirmed.TYPE,
                    id,
                    new com.canon.cps.account.contract.LegacyEmailConfirmed(id, e.legacyCpsEmail(), e.confirmedAt()));
        }
        return Optional.empty(); // AccountInfoProvided, LegacyCpsEmailGiven: not published
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }
}
