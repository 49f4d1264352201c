package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.billing.invoice.document.TaxRetention;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import org.springframework.stereotype.Component;

/**
 * The account was erased (GDPR Art. 17, ADR 23 and 24): first the issued invoices and credit notes are kept as the PDFs
 * that were issued, for their retention period (rendered now, while the account's key still exists), then the account
 * is erased here: its own key is destroyed (purchase order numbers, card tokens, reasons, operators' notes read
 * "[erased]" from then on), billing's stores forget it (the {@code ErasureParticipant}s) and its billing stops (the
 * invoices issue, charge and dun no more). The buyer on the invoices stays readable under the "tax-records" key until
 * the retention ends; an account without an issued invoice loses that key at once. Idempotent: a redelivery erases
 * again and keeps what was kept.
 */
@Component
class WhenAccountErasedThenErase implements EventInbox.Handler<AccountErased> {

    private final TaxRetention retention;
    private final PersonalDataErasure erasure;

    WhenAccountErasedThenErase(TaxRetention retention, PersonalDataErasure erasure) {
        this.retention = retention;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<AccountErased> event) {
        String accountId = event.data().accountId();
        boolean retained = erasure.isErased(accountId) ? retention.waiting(accountId) : retention.retain(accountId);
        erasure.erase(accountId);
        if (!retained) {
            erasure.eraseScope(accountId, InvoiceIssued.TAX_RECORDS);
        }
    }
}
