package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The account's personal data was erased (GDPR Art. 17, crypto-shredding): once this event is stored the account's
 * data key is destroyed (by the {@code account-erasure} processor), so every earlier event reads {@code "[erased]"} in
 * its personal fields. The account is final: it takes no command, cannot log in, and its contact e-mail is free.
 *
 * @param requestedBy {@code member} or {@code operator:<operatorId>}: who asked
 * @param reason why, as given (free text: personal data, erased with the rest)
 */
@Revision("1")
public record AccountErased(
        String accountId, String requestedBy, @PersonalData String reason, Instant erasedAt) implements AccountEvent {}
