/** Upcasters of the case's stored events: older revisions are read as today's records. Each is tested on a stored sample. */
package com.canon.cps.verification.review.upcasting;
