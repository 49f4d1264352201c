/**
 * Answers to information requests: when an operator asks an applicant for more information, the e-mail carries a
 * single-use, expiring link ({@code <portal>/apply/information?token=...}). Its token is derived from the request's
 * non-secret id with a server key and published with {@code VerificationInfoRequested} for notification-service; only
 * its hash is stored ({@code information_request}, written with the request's event). The applicant, without a
 * password yet, reads the operator's message by the token and answers with an uploaded document; the case returns to
 * the operators' queue ({@code InformationProvided}).
 */
package com.canon.cps.verification.review.information;
