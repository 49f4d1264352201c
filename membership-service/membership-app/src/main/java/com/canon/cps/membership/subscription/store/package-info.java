/**
 * JDBC tables beside the event store: the membership number series and its claims ({@code membership_number}) and
 * each buyer's VAT facts for the price preview ({@code vat_buyer}).
 */
package com.canon.cps.membership.subscription.store;
