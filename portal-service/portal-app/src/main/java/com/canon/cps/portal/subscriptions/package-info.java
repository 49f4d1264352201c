/**
 * MY SUBSCRIPTIONS: the CPS tiers before a membership, the dashboard and invoices with one, and the checkout
 * (review, then card through the payment gateway's hosted form or bank transfer); whether a tier may be bought is
 * membership-service's rule alone.
 */
package com.canon.cps.portal.subscriptions;
