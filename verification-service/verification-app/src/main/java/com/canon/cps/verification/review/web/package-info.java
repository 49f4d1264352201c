/**
 * The operators' API (queue, decisions, documents), the applicant's decision date, and the answer to an information
 * request: {@code InformationAnswers} uses the link, references the uploaded document and records
 * {@code InformationProvided} in one transaction.
 */
package com.canon.cps.verification.review.web;
