/**
 * How the Business Account's stored events are read today: each upcaster is named after the change it bridges and
 * matches stored type names as string literals, so that moving a class cannot silently disarm it.
 */
package com.canon.cps.account.onboarding.upcasting;
