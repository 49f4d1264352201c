/**
 * The {@code BusinessAccount} aggregate: its commands, its internal events (records with {@code @Revision}, sealed
 * under {@code AccountEvent}) and its rules. No Spring, no Kafka here.
 */
package com.canon.cps.account.onboarding.domain;
