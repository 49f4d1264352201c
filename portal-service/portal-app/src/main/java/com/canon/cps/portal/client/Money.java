package com.canon.cps.portal.client;

import java.math.BigDecimal;

/** docs/api.md money: {@code {"amount": "85.00", "currency": "GBP"}}. */
public record Money(String amount, String currency) {

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
