/**
 * What every page shares: the top bar with the bell's unread count, dates and money in the page's language,
 * countries with their names, a service's problems turned into the page's sentences at the right fields, and the
 * pages shown when a whole page cannot be served (a service down, the sign-in ended).
 */
package com.canon.cps.portal.web;
