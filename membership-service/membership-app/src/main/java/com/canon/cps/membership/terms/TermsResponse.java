package com.canon.cps.membership.terms;

import java.time.LocalDate;

/** One version of the CPS Terms &amp; Conditions in one language; {@code text} is plain text, paragraphs apart. */
record TermsResponse(String version, LocalDate publishedOn, String text, String language) {}
