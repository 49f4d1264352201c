package com.canon.cps.verification.review.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.verification.VerificationSettings;
import com.canon.cps.verification.calendar.BusinessCalendar;
import com.canon.cps.verification.review.domain.OpenVerificationCase;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code cps.account.events}: a submitted application opens its verification case. */
@Configuration(proxyBeanMethods = false)
class WhenApplicationSubmittedThenOpenCase {

    @Bean
    Consumer<Message<byte[]>> accountEvents(EventInbox inbox, CommandGateway commands, VerificationSettings settings) {
        BusinessCalendar calendar = new BusinessCalendar(settings.slaBusinessDays(), settings.slaCutOff());
        return inbox.consumer("accountEvents")
                .on(
                        AccountApplicationSubmitted.TYPE,
                        AccountApplicationSubmitted.class,
                        event -> commands.sendAndWait(open(event, calendar)))
                .build();
    }

    static OpenVerificationCase open(InboundEvent<AccountApplicationSubmitted> event, BusinessCalendar calendar) {
        AccountApplicationSubmitted a = event.data();
        return new OpenVerificationCase(
                VerificationCase.caseIdFor(a.accountId()),
                a.accountId(),
                a.companyName(),
                a.country(),
                a.vatLiable(),
                a.vatId(),
                a.documentIds() == null ? List.of() : a.documentIds(),
                a.submittedAt(),
                calendar.deadline(a.submittedAt(), a.country()));
    }
}
