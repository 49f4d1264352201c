package com.canon.cps.platform.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who acted, from an operator's token: the {@code operatorId}, {@code email} and {@code name} claims account-service
 * puts into every operator token (ADR 19). A token without them (older tokens, test tokens) is named by its subject.
 *
 * @param id the operator's id (a UUID), else the token's subject
 * @param email the operator's e-mail (login name), else {@code null}
 * @param name the operator's name, else {@code null}
 */
public record OperatorIdentity(String id, String email, String name) {

    /** Claim names of operator tokens. */
    public static final String OPERATOR_ID_CLAIM = "operatorId";

    public static final String EMAIL_CLAIM = "email";
    public static final String NAME_CLAIM = "name";

    public static OperatorIdentity of(Jwt jwt) {
        String id = jwt.getClaimAsString(OPERATOR_ID_CLAIM);
        return new OperatorIdentity(
                id == null || id.isBlank() ? jwt.getSubject() : id,
                jwt.getClaimAsString(EMAIL_CLAIM),
                jwt.getClaimAsString(NAME_CLAIM));
    }

    /** The operator of the current request, if the caller is one. */
    public static java.util.Optional<OperatorIdentity> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token && isOperator(token.getToken())) {
            return java.util.Optional.of(of(token.getToken()));
        }
        return java.util.Optional.empty();
    }

    /** Whether the token is an operator's ({@code OPERATOR} in its roles). */
    public static boolean isOperator(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles != null && roles.contains("OPERATOR");
    }

    /** The e-mail if known, else the id: how a person is named in a log line or a {@code decidedBy}-like field. */
    public String label() {
        return email != null && !email.isBlank() ? email : id;
    }
}
