/**
 * Internal events and deadlines → commands: each term gets its renewal-order and term-end deadlines (stored in the
 * transaction of the event that starts the term, subscribing processor {@code membership-policies}); a due deadline
 * orders the renewal or ends the term.
 */
package com.canon.cps.membership.subscription.policy;
