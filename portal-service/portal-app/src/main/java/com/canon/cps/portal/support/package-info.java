/**
 * SUPPORT: contact, the FAQs and the CPS Terms & Conditions, open to everyone.
 */
package com.canon.cps.portal.support;
