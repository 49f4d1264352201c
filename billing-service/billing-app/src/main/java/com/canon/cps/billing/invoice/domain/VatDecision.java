package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;

/** The VAT treatment of one invoice: rate in percent and the note printed with it (null when none is needed). */
record VatDecision(VatTreatment treatment, BigDecimal rate, String note) {}
