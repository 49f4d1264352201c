/**
 * Erasure of a member's personal data (GDPR Art. 17) by crypto-shredding (ADR 23). The personal components of the
 * account's events are stored encrypted with the account's data key ({@code @PersonalData}); erasing records
 * {@code AccountErased} ({@code EraseAccount}: an ADMIN at {@code POST /api/accounts/{id}/erasure}, or the member with
 * its password at {@code POST /api/accounts/me/erasure}), after which the account refuses every command. In the
 * event's transaction the login name, password hash, refresh tokens, links, codes and throttle rows of the account are
 * deleted ({@link com.canon.cps.account.erasure.policy.WhenAccountErasedThenDeleteLocalData}), so the member cannot log in and the e-mail is
 * free at once; the {@code account-erasure} processor then destroys the keys through the platform's
 * {@code PersonalDataErasure} (at least once: a crash before it resumes from the stored event), which also calls the
 * cleanup again as an {@code ErasureParticipant}. The read models keep the account id and the status {@code ERASED}.
 */
package com.canon.cps.account.erasure;
