/** The read side of registrations: "My Products" per account, its projection, queries and erasure. */
package com.canon.cps.product.registration.query;
