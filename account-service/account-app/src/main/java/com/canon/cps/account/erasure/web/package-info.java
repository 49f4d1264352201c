/**
 * Erasing an account over HTTP: an ADMIN's request (with its reason, audited) or the member's own (with its current
 * password); either records {@code AccountErased}.
 */
package com.canon.cps.account.erasure.web;
