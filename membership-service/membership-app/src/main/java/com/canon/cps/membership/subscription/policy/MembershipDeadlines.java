package com.canon.cps.membership.subscription.policy;

import java.time.LocalDate;

/** Names, ids and payloads of the membership's persistent deadlines. */
final class MembershipDeadlines {

    /** The subscribing processor of the policies (mode set in {@code membership-service.yml}). */
    static final String PROCESSING_GROUP = "membership-policies";

    static final String RENEWAL_ORDER = "membership.renewal-order";
    static final String TERM_END = "membership.term-end";

    private MembershipDeadlines() {}

    /**
     * Payload of the renewal-order deadline: the term it belongs to, identified by its expiry date. Stored as JSON
     * ({@code accountId}, {@code termExpiresOn}), the same fields as {@link TermEndDue}.
     */
    record RenewalOrderDue(String accountId, LocalDate termExpiresOn) {}

    /** Payload of the term-end deadline: the term it ends, identified by its expiry date. */
    record TermEndDue(String accountId, LocalDate termExpiresOn) {}

    /** One id per term: the next term's deadlines are scheduled while the current term's are being fired. */
    static String id(String name, String accountId, LocalDate termExpiresOn) {
        return name + ":" + accountId + ":" + termExpiresOn;
    }
}
