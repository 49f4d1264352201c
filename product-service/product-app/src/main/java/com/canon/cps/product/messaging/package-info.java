/**
 * The service's publisher: maps internal registration and migration events to the {@code cps.product.events}
 * contract. It sits above both features because the platform takes one mapper per service.
 */
package com.canon.cps.product.messaging;
