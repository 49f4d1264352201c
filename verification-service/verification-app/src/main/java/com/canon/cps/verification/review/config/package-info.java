/** The review's wiring: the approval policy from the settings, and the one SLA calendar cases and applicants share. */
package com.canon.cps.verification.review.config;
