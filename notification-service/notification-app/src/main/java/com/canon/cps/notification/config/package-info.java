/** notification-service's typed settings ({@code cps.notification.*}). */
package com.canon.cps.notification.config;
