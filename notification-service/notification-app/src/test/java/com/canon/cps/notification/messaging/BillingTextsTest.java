package com.canon.cps.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.notification.MailTemplates.Text;
import org.junit.jupiter.api.Test;

class BillingTextsTest {

    @Test
    void aReasonCode_isATextOfTheBundle_withTheCodeAsFallback() {
        Text reason = BillingTexts.reason("DECLINED");
        assertThat(reason.key()).isEqualTo("payment-reason.DECLINED");
        assertThat(reason.fallback()).isEqualTo("DECLINED");
    }

    @Test
    void anUnknownRefundMethod_paysNothingBack() {
        assertThat(BillingTexts.refundMethod("CARD")).isEqualTo("CARD");
        assertThat(BillingTexts.refundMethod("BANK_TRANSFER")).isEqualTo("BANK_TRANSFER");
        assertThat(BillingTexts.refundMethod("MANUAL")).isEqualTo("NONE");
    }
}
