package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.document.TaxRetention;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.query.InvoiceErasure;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The retention job (ADR 24): when an erased account's retention period has ended on the business clock, its
 * "tax-records" key is destroyed (from then on the buyer on its invoices reads "[erased]" everywhere, replays and
 * rebuilds included), its retained PDFs are deleted and the buyer is erased from the invoice view. A deadline moved
 * later (a credit note issued after the erasure) is rescheduled by {@link TaxRetention}; one that fires early for a
 * moved end changes nothing.
 */
@Component
class WhenRetentionDueThenShredTaxRecords {

    private static final Logger log = LoggerFactory.getLogger(WhenRetentionDueThenShredTaxRecords.class);

    WhenRetentionDueThenShredTaxRecords(
            DeadlineScheduler deadlines,
            TaxRetention retention,
            PersonalDataErasure erasure,
            InvoiceErasure invoices,
            Clock clock) {
        deadlines.onDue(TaxRetention.DEADLINE, TaxRetention.RetentionDue.class, due -> {
            String accountId = due.accountId();
            boolean ended = retention
                    .retainUntil(accountId)
                    .map(until -> !until.isAfter(clock.instant()))
                    .orElse(false);
            if (!ended) {
                return;
            }
            erasure.eraseScope(accountId, InvoiceIssued.TAX_RECORDS);
            invoices.eraseRetained(accountId);
            retention.ended(accountId);
            log.info("Tax retention of erased account {} ended: its tax records are erased", accountId);
        });
    }
}
