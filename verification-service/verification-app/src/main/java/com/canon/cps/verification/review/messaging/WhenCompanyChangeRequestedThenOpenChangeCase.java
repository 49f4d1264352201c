package com.canon.cps.verification.review.messaging;

import com.canon.cps.account.contract.CompanyChangeRequested;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.verification.calendar.BusinessCalendar;
import com.canon.cps.verification.review.domain.OpenChangeCase;
import com.canon.cps.verification.review.domain.VerificationCase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A member asked to change the company name or VAT ID: a case of kind {@code CHANGE} reviews it, with an SLA deadline
 * counted like an application's from the request. A changed VAT ID is checked against its registry first (and approved
 * by the policy when confirmed); a new name under the same VAT ID goes straight to the operators' queue. The case id
 * follows from the change id, so a request cannot open two cases. A request of an account that was erased meanwhile
 * (a late or redelivered record) opens nothing.
 */
@Component
class WhenCompanyChangeRequestedThenOpenChangeCase implements EventInbox.Handler<CompanyChangeRequested> {

    private final CommandGateway commands;
    private final BusinessCalendar calendar;
    private final PersonalDataErasure erasure;

    WhenCompanyChangeRequestedThenOpenChangeCase(
            CommandGateway commands, BusinessCalendar calendar, PersonalDataErasure erasure) {
        this.commands = commands;
        this.calendar = calendar;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<CompanyChangeRequested> event) {
        CompanyChangeRequested c = event.data();
        if (erasure.isErased(c.accountId())) {
            return;
        }
        commands.sendAndWait(new OpenChangeCase(
                VerificationCase.caseIdForChange(c.changeId()),
                c.accountId(),
                c.changeId(),
                c.companyName(),
                c.vatId(),
                c.previousCompanyName(),
                c.previousVatId(),
                c.vatIdChanged(),
                c.country(),
                c.requestedAt(),
                calendar.deadline(c.requestedAt(), c.country())));
    }
}
