/** The operators' queue: the case view, its projection, queries and erasure. */
package com.canon.cps.verification.review.query;
