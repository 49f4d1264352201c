package com.canon.cps.account.onboarding.domain;

import com.canon.cps.account.onboarding.domain.AccountRuleViolation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's old CPS e-mail and the proof that the member owns it: part of the {@link BusinessAccount}'s state,
 * kept apart because its rules are its own. Invariants: it counts as proven only with the current code, before that
 * code expires; a proven address never changes; a code is issued at most once per {@code minInterval} and at most
 * {@code maxPerDay} times within 24 hours (six digits with five tries each must not be guessable by asking again).
 */
final class LegacyEmailProof {

    private static final Duration DAY = Duration.ofHours(24);

    private String address;
    private boolean confirmed;
    private String codeIssueId;
    private Instant codeExpiresAt;
    private final List<Instant> recentCodes = new ArrayList<>();

    String address() {
        return address;
    }

    boolean confirmed() {
        return confirmed;
    }

    /** Refuses a code the rations do not allow. */
    void refuseCode(LegacyEmailCodeRequest code) {
        Instant now = code.requestedAt();
        Instant last = recentCodes.isEmpty() ? null : recentCodes.get(recentCodes.size() - 1);
        long today = recentCodes.stream().filter(t -> t.isAfter(now.minus(DAY))).count();
        if ((last != null && now.isBefore(last.plus(code.minInterval()))) || today >= code.maxPerDay()) {
            throw new AccountRuleViolation(Rule.TOO_MANY_CODES, "A code was sent too recently; ask again later");
        }
    }

    /** Refuses to confirm with code {@code issueId} at {@code at}. */
    void refuseConfirmation(String issueId, Instant at) {
        if (address == null) {
            throw new AccountRuleViolation(Rule.NO_LEGACY_EMAIL, "No old CPS e-mail was given");
        }
        if (confirmed) {
            throw new AccountRuleViolation(Rule.LEGACY_EMAIL_CONFIRMED, "The old CPS e-mail is confirmed already");
        }
        if (codeIssueId == null || !codeIssueId.equals(issueId)) {
            throw new AccountRuleViolation(Rule.UNKNOWN_CODE, "Not the current code for the old CPS e-mail");
        }
        if (!at.isBefore(codeExpiresAt)) {
            throw new AccountRuleViolation(Rule.CODE_EXPIRED, "The code expired");
        }
    }

    void given(String legacyCpsEmail) {
        address = legacyCpsEmail;
        codeIssueId = null; // a code for another address proves nothing
        codeExpiresAt = null;
    }

    void codeIssued(String issueId, Instant issuedAt, Instant expiresAt) {
        codeIssueId = issueId;
        codeExpiresAt = expiresAt;
        recentCodes.removeIf(t -> t.isBefore(issuedAt.minus(DAY)));
        recentCodes.add(issuedAt);
    }

    void confirm() {
        confirmed = true;
        codeIssueId = null;
        codeExpiresAt = null;
    }
}
