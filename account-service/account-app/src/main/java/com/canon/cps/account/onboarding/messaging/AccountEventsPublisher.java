package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.account.contract.Address;
import com.canon.cps.account.onboarding.domain.AccountActivated;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.account.onboarding.domain.AccountEvent;
import com.canon.cps.account.onboarding.domain.AccountInfoRequested;
import com.canon.cps.account.onboarding.domain.AccountOpened;
import com.canon.cps.account.onboarding.domain.AccountRejected;
import com.canon.cps.account.onboarding.domain.Countries;
import com.canon.cps.account.onboarding.domain.PasswordResetIssued;
import com.canon.cps.account.onboarding.domain.PasswordSetupIssued;
import com.canon.cps.account.onboarding.domain.PostalAddress;
import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.platform.sealing.SealedSecrets;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Internal account events to the published contract of {@code cps.account.events}; the member's own changes are mapped
 * by {@link SelfServiceEvents}. Link tokens and codes go onto the wire only sealed for notification-service (ADR 20),
 * bound to the event's {@code ce_type} and {@code ce_id} (the message identifier). {@code AccountInfoProvided} and {@code LegacyCpsEmailGiven} stay inside (the first is
 * verification's own news, the second is published once it is proven, as {@code LegacyEmailConfirmed}).
 */
@Component
class AccountEventsPublisher implements ContractEventMapper {

    private final SetupLinkTokens setupLinks;
    private final SealedSecrets seal;
    private final SelfServiceEvents selfService;

    AccountEventsPublisher(SetupLinkTokens setupLinks, LegacyEmailCodes codes, NotificationSeal seal) {
        this.setupLinks = setupLinks;
        this.seal = seal.secrets();
        this.selfService = new SelfServiceEvents(setupLinks, codes, this.seal);
    }

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof AccountEvent event) {
            return toContract(event, message.getIdentifier());
        }
        return Optional.empty();
    }

    private Optional<OutboundEvent> toContract(AccountEvent event, String eventId) {
        if (SelfServiceEvents.maps(event)) {
            return selfService.toContract(event, eventId);
        }
        if (event instanceof PasswordResetIssued e) {
            // derived here, like the setup link's token, and put on the wire only sealed for notification-service
            String type = com.canon.cps.account.contract.PasswordResetIssuedV2.TYPE;
            return Optional.of(new OutboundEvent(
                    type,
                    e.accountId(),
                    new com.canon.cps.account.contract.PasswordResetIssuedV2(
                            e.accountId(),
                            e.contactEmail(),
                            e.language(),
                            seal.seal(
                                    setupLinks.tokenFor(e.accountId(), e.issueId()),
                                    SealedSecrets.eventContext(type, eventId)),
                            e.expiresAt())));
        }
        return Optional.of(applicationEvent(event, eventId));
    }

    private OutboundEvent applicationEvent(AccountEvent event, String eventId) {
        String id = event.accountId();
        if (event instanceof AccountApplicationSubmitted e) {
            return new OutboundEvent(
                    com.canon.cps.account.contract.AccountApplicationSubmitted.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountApplicationSubmitted(
                            id,
                            e.companyName(),
                            address(e.address()),
                            Countries.accountCountry(e.address().country()),
                            e.contactName(),
                            e.contactEmail(),
                            e.language(),
                            e.vatLiable(),
                            e.vatId(),
                            e.documentIds(),
                            e.legacyCpsEmail() != null,
                            e.submittedAt()));
        }
        if (event instanceof AccountOpened e) {
            return new OutboundEvent(
                    com.canon.cps.account.contract.AccountOpened.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountOpened(
                            id, e.companyName(), e.country(), e.language(), e.legacyCpsEmail(), e.openedAt()));
        }
        if (event instanceof PasswordSetupIssued e) {
            // the token is derived here and goes onto the wire only sealed for notification-service; it is stored
            // nowhere
            String type = com.canon.cps.account.contract.PasswordSetupIssuedV2.TYPE;
            return new OutboundEvent(
                    type,
                    id,
                    new com.canon.cps.account.contract.PasswordSetupIssuedV2(
                            id,
                            e.contactEmail(),
                            e.language(),
                            seal.seal(setupLinks.tokenFor(id, e.issueId()), SealedSecrets.eventContext(type, eventId)),
                            e.expiresAt()));
        }
        if (event instanceof AccountRejected e) {
            return new OutboundEvent(
                    com.canon.cps.account.contract.AccountRejected.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountRejected(id, e.reason(), e.rejectedAt()));
        }
        if (event instanceof AccountInfoRequested e) {
            return new OutboundEvent(
                    com.canon.cps.account.contract.AccountInfoRequested.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountInfoRequested(id, e.reason(), e.requestedAt()));
        }
        if (event instanceof AccountErased e) {
            // the account id and the instant only: the requester and the reason stay inside (and are erased)
            return new OutboundEvent(
                    com.canon.cps.account.contract.AccountErased.TYPE,
                    id,
                    new com.canon.cps.account.contract.AccountErased(id, e.erasedAt()));
        }
        AccountActivated e = (AccountActivated) event; // the last permitted subtype not mapped above
        return new OutboundEvent(
                com.canon.cps.account.contract.AccountActivated.TYPE,
                id,
                new com.canon.cps.account.contract.AccountActivated(id, e.activatedAt()));
    }

    private static Address address(PostalAddress a) {
        return new Address(a.line1(), a.postalCode(), a.city(), a.country());
    }
}
