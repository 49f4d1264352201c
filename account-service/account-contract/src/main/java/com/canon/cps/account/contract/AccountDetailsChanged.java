package com.canon.cps.account.contract;

import java.time.Instant;
import java.util.List;

/**
 * The member changed the account's contact name, language or address (MY ACCOUNT); they apply at once. Carries the
 * current value of all of them, so a consumer simply overwrites what it keeps. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code country} is the platform's country code of the account, as in
 * {@link AccountApplicationSubmitted} ({@code EL} for Greece); it never changes here (a business that moves to another
 * country applies anew), while {@code address.country} is the address as the member wrote it ({@code GR} or
 * {@code EL} for Greece).
 *
 * @param changedFields which of {@code contactName}, {@code language}, {@code address} this change touched
 */
public record AccountDetailsChanged(
        String accountId,
        String contactName,
        String language,
        Address address,
        String country,
        List<String> changedFields,
        Instant changedAt) {

    public static final String TYPE = "cps.account.AccountDetailsChanged.v1";
}
