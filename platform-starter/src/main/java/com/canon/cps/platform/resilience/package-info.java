/**
 * One resilient-port set-up for the ports to outside parties (the VAT registries, the payment gateway): the settings
 * every such port binds ({@link com.canon.cps.platform.resilience.ResiliencePolicy}), the Resilience4j decoration
 * of each call in one order with one set of metrics ({@link com.canon.cps.platform.resilience.ResilientCalls}), and
 * the fault injection of the parties' local simulators ({@link com.canon.cps.platform.resilience.SimulatedFaults}).
 * What differs per port (which outcomes count as failures, per-country breakers, answers instead of exceptions) stays
 * in the service.
 */
package com.canon.cps.platform.resilience;
