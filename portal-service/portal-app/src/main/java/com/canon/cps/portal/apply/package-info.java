/**
 * Applying for a Business Account: the application form with its evidence document (uploaded to
 * verification-service, then the application sent to account-service), and the page an applicant opens from the
 * e-mail in which an operator asked for more information.
 */
package com.canon.cps.portal.apply;
