/**
 * The {@code VerificationCase} aggregate (an application's or a company change's verification) with its commands,
 * internal events, approval policy and refusals. No Spring, Kafka, Mongo or Jackson here.
 */
package com.canon.cps.verification.review.domain;
