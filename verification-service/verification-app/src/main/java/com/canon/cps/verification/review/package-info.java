/**
 * The review of applications. Each submitted application opens a {@code VerificationCase} with its SLA deadline
 * (business days of the applicant's country) and the evidence documents it refers to. A VAT-liable case is first
 * checked against its VAT registry ({@code OPEN}); a confirmed VAT ID is approved by policy, anything else goes to
 * the operators' queue ({@code IN_REVIEW}), ordered by deadline, where operators approve, reject or ask for more
 * information. Registry faults are re-checked with back-off; a case still undecided at its deadline raises an SLA
 * breach once. Deadlines are persistent ({@code DeadlineScheduler}) and follow the business clock.
 *
 * <ul>
 *   <li>{@code domain}: the aggregate, its commands and internal events (no Spring, Kafka, Mongo or Jackson);
 *   <li>{@code policy}: internal policies (event → deadline, deadline → command), in a subscribing processor so that
 *       a deadline is stored in the transaction of the event that caused it;
 *   <li>{@code messaging}: contract events in (account) and out (verification);
 *   <li>{@code query}, {@code web}: the operators' queue and their decisions;
 *   <li>{@code store}: the links of information-request e-mails ({@code information_request});
 *   <li>{@code config}: the approval policy and the SLA calendar;
 *   <li>{@code upcasting}: stored events of older revisions.
 * </ul>
 */
package com.canon.cps.verification.review;
