package com.canon.cps.portal.subscriptions;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the member chose on "Please review your information", kept in the session until the payment option is
 * chosen (and, for a card, until the gateway's hosted form sends the member back with a token).
 *
 * @param state a random value the gateway hands back, so that only the round trip this session started completes
 *     the order
 */
record PendingOrder(String tier, boolean autoRenew, String purchaseOrderNumber, String termsVersion, String state)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = "cps.pendingOrder";
}
