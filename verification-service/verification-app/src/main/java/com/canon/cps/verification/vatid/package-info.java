/** The public VAT ID check ({@code /api/verification/vat-ids}): the national format rules, then the registry. */
package com.canon.cps.verification.vatid;
