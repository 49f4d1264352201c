/**
 * The links of information-request e-mails ({@code information_request}): when an operator asks an applicant for more
 * information, the e-mail carries a single-use, expiring link whose token is derived from the request's non-secret id
 * with a server key ({@code InformationTokens}) and published with {@code VerificationInfoRequested} for
 * notification-service; only its hash is stored, written with the request's event. An erased account's links go.
 */
package com.canon.cps.verification.review.store;
