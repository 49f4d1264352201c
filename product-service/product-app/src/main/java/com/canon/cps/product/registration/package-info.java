/**
 * Product registrations ("My Products"): a member registers a catalogue model, gives its serial number, the purchase
 * date, country of purchase and dealer now or later (estimates flagged), and deregisters it. A complete registration
 * (the green tick) earns the points fixed when it was registered; one still incomplete after the reminder period
 * reminds its member once ({@code policy}). A serial number of a model belongs to one account only: a unique claim row
 * is written in the same PostgreSQL transaction as the events that give it, so of two concurrent claims exactly one
 * commits. Each registration is a {@code RegisteredProduct} aggregate; "My Products" is a projection of them.
 */
package com.canon.cps.product.registration;
