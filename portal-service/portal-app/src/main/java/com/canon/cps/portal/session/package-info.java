/**
 * Who is signed in: the login page and the password links (set after approval, reset when forgotten), and the
 * server-side session that holds the signed-in person and the tokens the services are called with, refreshed
 * shortly before they expire. Tokens never reach a page.
 */
package com.canon.cps.portal.session;
