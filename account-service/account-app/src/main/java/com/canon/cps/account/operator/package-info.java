/**
 * The operators' own API in account-service (ADR 19): operator accounts, which an ADMIN creates, lists, gives roles
 * and disables ({@code /api/operators}, stored by {@code auth.OperatorAccounts}, every change in the audit trail), and
 * the member search of the back office ({@code GET /api/operators/members}) over a search read model of its own.
 */
package com.canon.cps.account.operator;
