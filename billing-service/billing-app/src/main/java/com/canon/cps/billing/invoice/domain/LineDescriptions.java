package com.canon.cps.billing.invoice.domain;

/**
 * Words the line of an invoice: the text a buyer reads for the tier and term bought. The aggregate records the text
 * it is given (frozen at issue, like everything printed on an invoice) and composes none itself; the wording lives
 * with the documents ({@code invoice.document}).
 */
public interface LineDescriptions {

    /** The description of the line for {@code tier} (a tier code such as {@code SILVER}), first term or renewal. */
    String describe(String tier, boolean renewal);
}
