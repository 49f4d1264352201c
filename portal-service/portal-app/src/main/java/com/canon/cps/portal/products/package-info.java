/**
 * MY PRODUCTS: the member's product registrations with their points and what is missing, the balance, and
 * registering, completing and deregistering a product, with dates typed the way people write them.
 */
package com.canon.cps.portal.products;
