/** The card aggregate, its commands and its internal events. */
package com.canon.cps.sample.card.domain;
