/**
 * The clients of the services' public REST APIs (docs/api.md), one per service, and what they share: the token
 * from the session, read-your-writes after this session's own writes, answers translated into {@code ApiProblem}
 * (a 4xx problem), {@code ServiceUnavailable} (down, timed out, 5xx) or the end of the session, and reads of
 * several services made at the same time within one request.
 */
package com.canon.cps.portal.client;
