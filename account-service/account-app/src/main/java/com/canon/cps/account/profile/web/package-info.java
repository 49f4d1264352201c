/**
 * MY ACCOUNT over HTTP: the member's own changes (details, contact e-mail with its confirmation link, company
 * details), each request checked as a whole before anything is recorded.
 */
package com.canon.cps.account.profile.web;
