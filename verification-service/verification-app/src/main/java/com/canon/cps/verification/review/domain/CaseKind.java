package com.canon.cps.verification.review.domain;

/** What a case verifies: an application for a Business Account, or a change of company name or VAT ID. */
public enum CaseKind {
    APPLICATION,
    CHANGE
}
