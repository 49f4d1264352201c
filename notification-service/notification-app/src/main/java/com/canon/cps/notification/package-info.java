/**
 * notification-service: the e-mails (DE/EN) and the in-app bell for every step of a member's journey. A flat service
 * (no aggregate): {@link com.canon.cps.notification.Notifications} queues a notification once per source event and
 * kind, {@link com.canon.cps.notification.MailDispatcher} sends the queued e-mails, the bell is read through
 * {@link com.canon.cps.notification.BellController}; the events of the other services arrive through the consumers of
 * {@link com.canon.cps.notification.messaging}.
 */
package com.canon.cps.notification;
