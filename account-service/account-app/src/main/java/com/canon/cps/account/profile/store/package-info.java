/**
 * The confirmation links of new contact e-mails ({@code contact_email_link}): only a token's hash is kept, written
 * from {@code ContactEmailChangeRequested} by a subscribing processor, so that the link works as soon as it is sent.
 */
package com.canon.cps.account.profile.store;
