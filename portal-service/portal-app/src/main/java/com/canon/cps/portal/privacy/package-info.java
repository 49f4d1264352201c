/**
 * GDPR access, portability and erasure (Art. 15, 17, 20): the data export as one JSON file read from every service
 * at once (all or nothing), for the member, for an operator and for API clients with the member's token; and the
 * erasure of an account by the member or by an ADMIN, which account-service records and every service carries out.
 */
package com.canon.cps.portal.privacy;
