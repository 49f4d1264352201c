/**
 * The {@code Membership} aggregate, its commands, internal events (sealed {@code MembershipEvent}) and the offer and
 * rules it decides with. No Spring, Kafka, Mongo or Jackson here.
 */
package com.canon.cps.membership.subscription.domain;
