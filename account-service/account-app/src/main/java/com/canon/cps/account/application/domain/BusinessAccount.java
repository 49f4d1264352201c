package com.canon.cps.account.application.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A Business Account from application to activation, rebuilt from its events. */
@Aggregate
public class BusinessAccount {

    @AggregateIdentifier
    private String accountId;

    private AccountStatus status;

    protected BusinessAccount() {}

    @CommandHandler
    public BusinessAccount(ApplyForBusinessAccount command) {
        apply(new AccountApplicationSubmitted(
                command.accountId(),
                command.companyName(),
                command.address(),
                command.contactName(),
                command.contactEmail(),
                command.language(),
                command.vatLiable(),
                command.vatId(),
                command.documentIds(),
                command.legacyCpsEmail(),
                command.submittedAt()));
    }

    @EventSourcingHandler
    void on(AccountApplicationSubmitted event) {
        accountId = event.accountId();
        status = AccountStatus.PENDING_VERIFICATION;
    }

    AccountStatus status() {
        return status;
    }
}
