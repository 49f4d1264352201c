/**
 * Contract tests of the adapters to outside parties (VAT registries, Stripe) against recorded exchanges: one
 * in-process stub that replays the recorded request/response pairs of {@code src/test/resources/recorded/<party>/}
 * and refuses any other request, so a test proves the adapter sends what the party documents.
 */
package com.canon.cps.platform.test.recorded;
