/**
 * What follows an account's erasure inside account-service, one policy per reaction to {@code AccountErased}: the
 * account's data keys are shredded (its personal data in stored events becomes unreadable), and the rows held outside
 * the event store (login name, password hash, tokens, links, codes, throttle rows) are deleted in the erasure's own
 * transaction.
 */
package com.canon.cps.account.erasure.policy;
