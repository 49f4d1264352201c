/**
 * product-service: the product catalogue ({@code catalog}), members' product registrations with their serial number
 * uniqueness ({@code registration}) and the one-time migration of registrations from the old CPS system
 * ({@code migration}). Settings and wiring shared by the features live in {@code config}.
 */
package com.canon.cps.product;
