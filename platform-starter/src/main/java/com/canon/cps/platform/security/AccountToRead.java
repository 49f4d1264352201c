package com.canon.cps.platform.security;

import com.canon.cps.platform.web.ApiProblem;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The account a read is about: a member's own (the token's subject; a member naming any {@code accountId}, even its
 * own, is refused with 403), or the {@code accountId} an operator asks for (any operator, ADR 19: required, else 400,
 * and a UUID, else 400). Used by the member reads that operators may make for a member (the back office's member page).
 */
public final class AccountToRead {

    public static final String PARAMETER = "accountId";

    private AccountToRead() {}

    public static String of(Jwt jwt, String accountId) {
        if (OperatorIdentity.isOperator(jwt)) {
            if (accountId == null || accountId.isBlank()) {
                throw ApiProblem.invalid(PARAMETER, "is required for an operator");
            }
            String id = accountId.strip().toLowerCase(Locale.ROOT);
            try {
                if (UUID.fromString(id).toString().equals(id)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw ApiProblem.invalid(PARAMETER, "must be an account id (a UUID)");
        }
        if (accountId != null) {
            throw new AccessDeniedException("A member reads only its own account, without " + PARAMETER);
        }
        return CurrentMember.accountId(jwt);
    }
}
