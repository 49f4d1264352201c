/**
 * Reactions to a registration's own events and deadlines: an incomplete registration schedules its one reminder, the
 * reminder falls due and reminds only if the registration is still incomplete; an erased account's deadlines go.
 */
package com.canon.cps.product.registration.policy;
