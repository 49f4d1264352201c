/**
 * The VAT treatment of a CPS membership sale (docs/domain.md §5) as a pure rule: who pays which VAT, at which rate, with
 * which note, and the amounts that follow from a net price. billing-service issues every invoice by it and
 * membership-service shows the price preview before checkout by it, so the member sees what will be invoiced. The rule
 * lives here once; the seller's country, the rates and the member states stay each service's configuration
 * ({@link com.canon.cps.vat.treatment.VatRules} is built from it). JDK only.
 */
package com.canon.cps.vat.treatment;
