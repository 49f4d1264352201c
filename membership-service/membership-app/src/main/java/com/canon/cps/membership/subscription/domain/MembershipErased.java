package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The account was erased (GDPR Art. 17): the membership, if there was one, ended on {@code endedOn}, nothing is renewed
 * or ordered any more, and every later command is refused ({@code ACCOUNT_ERASED}) or ignored. Unlike
 * {@link MembershipExpired} it is not a term running out, so it is not published (no "membership expired" mail to an
 * erased account): every subscriber hears of the erasure from {@code AccountErased} itself. Internal only.
 *
 * @param membershipNumber the ended membership's number, null when none was ever bought
 * @param status what the membership was when it ended ({@link MembershipStatus#name()})
 */
@Revision("1")
public record MembershipErased(
        String accountId, String membershipNumber, String status, LocalDate endedOn, Instant erasedAt)
        implements MembershipEvent {}
