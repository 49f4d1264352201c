package com.canon.cps.verification.review.web;

/** The decision is recorded; the queue shows it once the view has caught up. */
record DecisionAccepted(String caseId, String decision) {}
