package com.canon.cps.membership.subscription.web;

/**
 * {@code POST /api/membership/checkout}. {@code autoRenew} defaults to true; {@code cardToken} is required for CARD
 * and must be a payment gateway token, never a card number.
 */
record CheckoutRequest(
        String tier,
        Boolean autoRenew,
        String purchaseOrderNumber,
        Boolean termsAccepted,
        String termsVersion,
        String paymentMethod,
        String cardToken) {}
