/**
 * The {@code RegisteredProduct} aggregate with its commands, internal events and refusals: what a complete
 * registration is, which details are missing, and that a serial number once given never changes. No Spring here.
 */
package com.canon.cps.product.registration.domain;
