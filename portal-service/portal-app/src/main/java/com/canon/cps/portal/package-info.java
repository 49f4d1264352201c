/**
 * The member portal and the back office: a backend for the browser that renders pages, keeps the signed-in
 * person's tokens in a server-side session and calls the services' public REST APIs. It owns no business state and
 * consumes no events; every rule it shows is the rule of the service it calls. One package per part of the site
 * (features, flat: controllers with their forms), {@code client} for the services' APIs, {@code session} for who is
 * signed in, {@code web} for what every page shares, {@code config} for settings and wiring.
 */
package com.canon.cps.portal;
