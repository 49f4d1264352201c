/**
 * The back office for operators: the verification queue with its SLA highlighting and decisions, members (search,
 * the member's page, a new password link), invoices and bank statements for the billing team, operator accounts
 * for ADMINs, and operations (projections, rebuilds, dead letters of every service).
 */
package com.canon.cps.portal.backoffice;
