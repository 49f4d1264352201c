/**
 * Internal policies of the review: events that schedule persistent deadlines, and deadlines that send commands.
 *
 * <p>The event handlers belong to the subscribing processor {@value
 * com.canon.cps.verification.review.policy.VerificationDeadlines#PROCESSING_GROUP}: they run in the unit of work
 * (and the PostgreSQL transaction) that appends the event, so a deadline exists if and only if its event does, and
 * nothing is scheduled again when a tracking processor replays. Deadline handlers run in the scheduler's transaction,
 * together with the deletion of the deadline row, so each one fires once, also across restarts.
 */
package com.canon.cps.verification.review.policy;
