/**
 * MY ACCOUNT: the Business Account as account-service holds it and what a member changes after day one (contact
 * details, the contact e-mail through a confirmation link, company name and VAT ID through verification, the
 * password, the old CPS e-mail), and the page the new e-mail's confirmation link opens.
 */
package com.canon.cps.portal.account;
