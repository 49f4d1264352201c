/**
 * Reads events and snapshots stored in an earlier shape or under an earlier class name as today's types. Each
 * upcaster is named after the change it reads past and matches the stored type name with a string literal.
 */
package com.canon.cps.membership.subscription.upcasting;
