/**
 * The start page: what a Business Account and CPS are, and the way in; a signed-in person goes straight to work.
 */
package com.canon.cps.portal.start;
