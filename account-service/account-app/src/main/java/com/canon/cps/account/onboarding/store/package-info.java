/**
 * The contact e-mail claims ({@code account_email}): one account per address, claimed in the application's own
 * transaction and freed when the application is rejected (a subscribing processor, so the address is free at once).
 */
package com.canon.cps.account.onboarding.store;
