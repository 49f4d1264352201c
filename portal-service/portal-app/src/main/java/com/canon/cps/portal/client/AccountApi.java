package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** account-service: applications and the member's own account (docs/api.md "account-service"). */
@Component
public class AccountApi extends ApiClient {

    AccountApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("account", Clients.rest(rest, settings.services().account(), settings), session);
    }

    public record Address(String line1, String postalCode, String city, String country) {}

    /** Body of {@code POST /api/accounts}. */
    public record Application(
            String companyName,
            Address address,
            String contactName,
            String contactEmail,
            String language,
            boolean vatLiable,
            String vatId,
            List<String> evidenceDocumentIds,
            String legacyCpsEmail,
            boolean authorisedToApply) {}

    public record Applied(String accountId, String status) {}

    public record MyAccount(
            String accountId,
            String companyName,
            Address address,
            String contactName,
            String contactEmail,
            String language,
            boolean vatLiable,
            String vatId,
            String status,
            boolean legacyCpsEmailProvided,
            boolean legacyCpsEmailConfirmed,
            String pendingContactEmail,
            CompanyChange pendingCompanyChange) {}

    public record CompanyChange(String changeId, String companyName, String vatId, String requestedAt) {}

    public record Updated(String accountId, List<String> changed, String pendingContactEmail) {}

    /** A member as the operators' search finds it ({@code GET /api/operators/members}). */
    public record MemberHit(
            String accountId, String email, String companyName, String vatId, String country, String status) {}

    /** An operator account ({@code GET /api/operators}). */
    public record Operator(
            String operatorId,
            String email,
            String name,
            List<String> roles,
            boolean configured,
            boolean enabled,
            String createdAt,
            String disabledAt) {}

    /** A new operator and its initial password, shown once. */
    public record CreatedOperator(Operator operator, String initialPassword) {}

    /** OPERATOR: members by account id or the start of e-mail, company name (or a word of it) or VAT ID. */
    public List<MemberHit> searchMembers(String query) {
        return get("/api/operators/members?q={q}", new ParameterizedTypeReference<List<MemberHit>>() {}, query);
    }

    /** OPERATOR: a new password-setup link to the member's contact e-mail. */
    public void reissuePasswordSetup(String accountId) {
        send(HttpMethod.POST, "/api/accounts/{id}/password-setup", null, Void.class, accountId);
    }

    /** ADMIN: every operator account. */
    public List<Operator> operators() {
        return get("/api/operators", new ParameterizedTypeReference<List<Operator>>() {});
    }

    /** ADMIN: creates an operator; the answer holds its initial password, which exists nowhere else. */
    public CreatedOperator createOperator(String email, String name, List<String> roles) {
        return send(
                HttpMethod.POST,
                "/api/operators",
                Map.of("email", email, "name", name, "roles", roles),
                CreatedOperator.class);
    }

    /** ADMIN: no more logins for this operator; its sessions end. */
    public void disableOperator(String operatorId) {
        send(HttpMethod.POST, "/api/operators/{id}/disable", null, Void.class, operatorId);
    }

    /** The answer to an erasure: the account and when it was erased ({@code status} {@code ERASED}). */
    public record Erased(String accountId, String status, String erasedAt) {}

    /**
     * ADMIN: erases a member's personal data (GDPR Art. 17) for {@code reason} (kept in the audit trail); 400 for a
     * missing reason, 403 without the role, 404 unknown, 409 erased already.
     */
    public Erased erase(String accountId, String reason) {
        return send(HttpMethod.POST, "/api/accounts/{id}/erasure", Map.of("reason", reason), Erased.class, accountId);
    }

    /**
     * The signed-in member erases its own account, proving it with its current password (account-service checks it
     * as the password change does: a wrong one is a 400 at {@code currentPassword} and changes nothing; 429 after too
     * many).
     */
    public Erased eraseMine(String currentPassword) {
        return send(
                HttpMethod.POST, "/api/accounts/me/erasure", Map.of("currentPassword", currentPassword), Erased.class);
    }

    public Applied apply(Application application) {
        return sendAnonymous(HttpMethod.POST, "/api/accounts", application, Applied.class);
    }

    public MyAccount me() {
        return get("/api/accounts/me", MyAccount.class);
    }

    public void changePassword(String currentPassword, String newPassword, String keepRefreshToken) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("currentPassword", currentPassword);
        body.put("newPassword", newPassword);
        if (keepRefreshToken != null) {
            body.put("keepRefreshToken", keepRefreshToken);
        }
        send(HttpMethod.POST, "/api/accounts/me/password", body, Void.class);
    }

    /** {@code PATCH /api/accounts/me}: any of contactName, language, address, contactEmail. */
    public Updated update(Map<String, Object> changes) {
        return send(HttpMethod.PATCH, "/api/accounts/me", changes, Updated.class);
    }

    /** Redeems the link sent to a new contact e-mail (no sign-in needed: it may be opened in another browser). */
    public void confirmEmail(String token) {
        sendAnonymous(HttpMethod.POST, "/api/accounts/me/email-confirmation", Map.of("token", token), Void.class);
    }

    public void requestCompanyChange(String companyName, String vatId) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (companyName != null) {
            body.put("companyName", companyName);
        }
        if (vatId != null) {
            body.put("vatId", vatId);
        }
        send(HttpMethod.POST, "/api/accounts/me/company-change", body, Void.class);
    }

    public void addLegacyEmail(String legacyCpsEmail) {
        send(HttpMethod.POST, "/api/accounts/me/legacy-email", Map.of("legacyCpsEmail", legacyCpsEmail), Void.class);
    }

    public void sendLegacyCode() {
        send(HttpMethod.POST, "/api/accounts/me/legacy-email/code", null, Void.class);
    }

    public void confirmLegacyEmail(String code) {
        send(HttpMethod.POST, "/api/accounts/me/legacy-email/confirmation", Map.of("code", code), Void.class);
    }

    public Map<?, ?> applicationStatus(String accountId) {
        return getAnonymous("/api/accounts/applications/{id}", Map.class, accountId);
    }
}
