package com.canon.cps.verification.review.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The verification of one application, from submission to the operator's (or the policy's) decision. */
@Aggregate
public class VerificationCase {

    @AggregateIdentifier
    private String caseId;

    private CaseStatus status;

    protected VerificationCase() {}

    /** One case per application: its id follows from the account id, so a repeated request cannot open a second. */
    public static String caseIdFor(String accountId) {
        return UUID.nameUUIDFromBytes(("verification-case:" + accountId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    public VerificationCase(OpenVerificationCase command) {
        apply(new VerificationCaseOpened(
                command.caseId(),
                command.accountId(),
                command.companyName(),
                command.country(),
                command.vatLiable(),
                command.vatId(),
                command.documentIds(),
                command.submittedAt(),
                command.deadline()));
    }

    @EventSourcingHandler
    void on(VerificationCaseOpened event) {
        caseId = event.caseId();
        status = CaseStatus.IN_REVIEW;
    }

    CaseStatus status() {
        return status;
    }
}
