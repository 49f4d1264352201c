package com.canon.cps.billing.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked incoming payment from a bank statement (one transaction; a batched entry gives one per transaction).
 *
 * @param entryReference stable and unique per transaction, so that a statement imported twice is recognised
 * @param amount positive, at least 2 decimals
 * @param currency ISO 4217 code of the amount
 * @param creditorReference normalised valid RF reference, or {@code null} when the payer gave none
 * @param remittanceInformation what the payer wrote, for the operator; may be {@code null}
 * @param debtorName the payer's name as the bank reports it; may be {@code null}
 */
public record StatementCredit(
        String entryReference,
        LocalDate bookingDate,
        BigDecimal amount,
        String currency,
        String creditorReference,
        String remittanceInformation,
        String debtorName) {}
