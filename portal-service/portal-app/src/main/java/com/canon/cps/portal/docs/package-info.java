/**
 * For integrators: every service's OpenAPI document in one Swagger UI page, and the AsyncAPI documents of the
 * published events, all served from the portal's own origin.
 */
package com.canon.cps.portal.docs;
