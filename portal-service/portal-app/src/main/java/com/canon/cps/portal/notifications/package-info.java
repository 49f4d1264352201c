/**
 * The bell's list of notifications, newest first, each of which can be marked as read (notification-service).
 */
package com.canon.cps.portal.notifications;
