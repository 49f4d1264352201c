package com.canon.cps.billing.invoice.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.ErasureParticipant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased account's card verifications still waiting (a gateway outage retries them) are cancelled: their deadline
 * holds the card token in clear, and an erased account's card is verified no more (ADR 24). Its other deadlines carry
 * ids only and fire without effect.
 */
@Component
class PendingCardVerifications implements ErasureParticipant {

    private final JdbcTemplate jdbc;
    private final DeadlineScheduler deadlines;

    PendingCardVerifications(JdbcTemplate jdbc, DeadlineScheduler deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    @Override
    public void erase(String accountId) {
        jdbc.queryForList("SELECT invoice_id FROM card_invoice WHERE account_id = ?", String.class, accountId)
                .forEach(invoiceId -> deadlines.cancel(BillingDeadlines.id(BillingDeadlines.VERIFY_CARD, invoiceId)));
    }
}
