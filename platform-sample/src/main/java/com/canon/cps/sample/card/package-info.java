/** A member's loyalty card: recorded country and points, issued, activated, renewed, expired. */
package com.canon.cps.sample.card;
