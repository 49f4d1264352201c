/** The {@code cards} projection (one document per account) and its reads. */
package com.canon.cps.sample.card.query;
