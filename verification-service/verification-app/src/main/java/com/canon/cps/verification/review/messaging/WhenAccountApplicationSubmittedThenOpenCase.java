package com.canon.cps.verification.review.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.verification.calendar.BusinessCalendar;
import com.canon.cps.verification.document.EvidenceDocumentStore;
import com.canon.cps.verification.review.domain.EvidenceDocument;
import com.canon.cps.verification.review.domain.OpenVerificationCase;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A submitted application ({@code cps.account.events}, routed by {@code AccountEventsConsumer}) opens its verification case, with the SLA deadline
 * counted from the application's own submission instant ({@code submittedAt} of the event, set by account-service
 * when it accepted the application; never the time of consumption) in the SLA calendar. In the inbox
 * transaction, the case's document references are recorded (which keeps the documents from being purged) and their
 * types looked up, then the case is opened; all of it commits together or not at all. An application of an account
 * that was erased meanwhile (a late or redelivered record) opens nothing.
 */
@Component
class WhenAccountApplicationSubmittedThenOpenCase implements EventInbox.Handler<AccountApplicationSubmitted> {

    private final CommandGateway commands;
    private final BusinessCalendar calendar;
    private final EvidenceDocumentStore documents;
    private final PersonalDataErasure erasure;

    WhenAccountApplicationSubmittedThenOpenCase(
            CommandGateway commands,
            BusinessCalendar calendar,
            EvidenceDocumentStore documents,
            PersonalDataErasure erasure) {
        this.commands = commands;
        this.calendar = calendar;
        this.documents = documents;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountApplicationSubmitted> event) {
        AccountApplicationSubmitted a = event.data();
        if (erasure.isErased(a.accountId())) {
            return;
        }
        Map<String, String> types = documents.reference(VerificationCase.caseIdFor(a.accountId()), documentIds(a));
        commands.sendAndWait(open(event, calendar, types));
    }

    /**
     * The command for a submitted application.
     *
     * @param documentTypes evidence type per referenced document id; no entry (or {@code null}) = no such document
     */
    static OpenVerificationCase open(
            InboundEvent<AccountApplicationSubmitted> event,
            BusinessCalendar calendar,
            Map<String, String> documentTypes) {
        AccountApplicationSubmitted a = event.data();
        List<EvidenceDocument> documents = documentIds(a).stream()
                .map(id -> new EvidenceDocument(id, documentTypes.get(id)))
                .toList();
        return new OpenVerificationCase(
                VerificationCase.caseIdFor(a.accountId()),
                a.accountId(),
                a.companyName(),
                a.country(),
                a.vatLiable(),
                a.vatId(),
                documents,
                a.submittedAt(),
                calendar.deadline(a.submittedAt(), a.country()));
    }

    private static List<String> documentIds(AccountApplicationSubmitted a) {
        return a.documentIds() == null
                ? List.of()
                : a.documentIds().stream().filter(Objects::nonNull).distinct().toList();
    }
}
