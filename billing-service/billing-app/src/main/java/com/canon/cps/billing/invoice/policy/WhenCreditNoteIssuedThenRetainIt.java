package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.document.TaxRetention;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A credit note issued for an erased account's invoice (an operator corrects it afterwards) is a document tax law keeps
 * as well: it is retained, and the account's retention counts from its year (in the transaction of the event).
 */
@Component
@ProcessingGroup("billing-policies")
class WhenCreditNoteIssuedThenRetainIt {

    private final TaxRetention retention;

    WhenCreditNoteIssuedThenRetainIt(TaxRetention retention) {
        this.retention = retention;
    }

    @EventHandler
    void on(CreditNoteIssued e) {
        retention.creditNoteIssued(e);
    }
}
