/**
 * The operators' review of applications: each submitted application opens a {@code VerificationCase} with its SLA
 * deadline (business days of the applicant's country); operators work the queue ordered by deadline.
 */
package com.canon.cps.verification.review;
