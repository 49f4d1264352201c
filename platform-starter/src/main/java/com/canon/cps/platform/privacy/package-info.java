/**
 * Personal data in an immutable event store (GDPR, ADR 23): {@link com.canon.cps.platform.privacy.PersonalData}
 * components are stored encrypted with a per-subject data key kept outside the event store, and
 * {@link com.canon.cps.platform.privacy.PersonalDataErasure} erases a subject by destroying its keys.
 */
package com.canon.cps.platform.privacy;
