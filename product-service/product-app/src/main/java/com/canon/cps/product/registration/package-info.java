/**
 * Product registrations ("My Products"): a member registers a catalogue model with its serial number, gives the
 * purchase date, country of purchase and dealer now or later (estimates flagged), and deregisters it. A complete
 * registration (the green tick) earns the points fixed when it was registered. A serial number of a model belongs
 * to one account only: a unique claim row is written in the same PostgreSQL transaction as the registration's
 * events, so of two concurrent registrations exactly one commits. Each registration is a {@code RegisteredProduct}
 * aggregate; "My Products" is a projection of them.
 */
package com.canon.cps.product.registration;
