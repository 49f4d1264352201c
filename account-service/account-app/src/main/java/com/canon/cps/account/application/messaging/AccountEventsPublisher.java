package com.canon.cps.account.application.messaging;

import com.canon.cps.account.application.domain.AccountApplicationSubmitted;
import com.canon.cps.account.application.domain.PostalAddress;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/** Internal account events to the published contract of {@code cps.account.events}. */
@Component
class AccountEventsPublisher implements ContractEventMapper {

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof AccountApplicationSubmitted e) {
            return Optional.of(new OutboundEvent(
                    com.canon.cps.account.contract.AccountApplicationSubmitted.TYPE,
                    e.accountId(),
                    new com.canon.cps.account.contract.AccountApplicationSubmitted(
                            e.accountId(),
                            e.companyName(),
                            address(e.address()),
                            e.address().country(),
                            e.contactName(),
                            e.contactEmail(),
                            e.language(),
                            e.vatLiable(),
                            e.vatId(),
                            e.documentIds(),
                            e.legacyCpsEmail() != null,
                            e.submittedAt())));
        }
        return Optional.empty();
    }

    private static Address address(PostalAddress a) {
        return new Address(a.line1(), a.postalCode(), a.city(), a.country());
    }
}
