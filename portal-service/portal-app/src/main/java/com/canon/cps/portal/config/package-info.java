/**
 * The portal's settings ({@code cps.portal.*}) and wiring: who may open which page and the browser-side
 * protections (CSRF, Content-Security-Policy, no referrer, no framing), and the page language chosen per session.
 */
package com.canon.cps.portal.config;
