package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Every service's operations API ({@code /admin/**}, docs/api.md "Operations"), with the operator's token: projections and
 * their rebuilds, dead letters.
 */
@Component
public class OperationsApi {

    /** The services in the order the back office lists them. */
    public static final List<String> SERVICES =
            List.of("account", "verification", "product", "points", "membership", "billing", "notification");

    private final Map<String, Admin> admins = new LinkedHashMap<>();

    OperationsApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        PortalSettings.Services s = settings.services();
        Map<String, URI> urls = Map.of(
                "account", s.account(),
                "verification", s.verification(),
                "product", s.product(),
                "points", s.points(),
                "membership", s.membership(),
                "billing", s.billing(),
                "notification", s.notification());
        for (String service : SERVICES) {
            admins.put(service, new Admin(service, Clients.rest(rest, urls.get(service), settings), session));
        }
    }

    public record Projection(
            String name,
            int activeVersion,
            String status,
            Long position,
            long head,
            Long lag,
            List<String> collections,
            String rebuild,
            AuditEntry lastOperatorAction) {}

    public record Rebuild(
            String status,
            long processed,
            long total,
            double eventsPerSecond,
            String eta,
            int fromVersion,
            int toVersion,
            Instant startedAt,
            Instant finishedAt,
            String error) {

        public int percent() {
            return total <= 0 ? 100 : (int) Math.min(100, processed * 100 / total);
        }

        public boolean running() {
            return "RUNNING".equals(status) || "CAUGHT_UP".equals(status);
        }
    }

    public record DeadLetter(
            String id,
            String source,
            String key,
            String type,
            String error,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt,
            String payload,
            Map<String, String> headers) {}

    /** One operator action of a service's audit trail ({@code GET /admin/audit}). */
    public record AuditEntry(
            Instant at,
            String service,
            String operatorId,
            String operatorEmail,
            String operatorName,
            String action,
            String subjectType,
            String subjectId,
            Map<String, Object> details) {

        /** The invoice an action of billing touched, by its number (null for other actions). */
        public String invoiceNumber() {
            return details == null || details.get("invoiceNumber") == null
                    ? null
                    : details.get("invoiceNumber").toString();
        }

        /** The operator as a person reads it: name and e-mail, else the id. */
        public String operator() {
            if (operatorName != null && operatorEmail != null && !operatorName.equals(operatorEmail)) {
                return operatorName + " (" + operatorEmail + ")";
            }
            return operatorEmail != null ? operatorEmail : operatorId;
        }
    }

    /** The operator actions of {@code service} on {@code subject} (a case id, an invoice id, a projection), newest first. */
    public List<AuditEntry> audit(String service, String subject) {
        return admin(service)
                .get(
                        "/admin/audit?subject={subject}&limit=50",
                        new ParameterizedTypeReference<List<AuditEntry>>() {},
                        subject);
    }

    /**
     * {@link #audit}, or null when the trail cannot be read now: a page shows "not available" in its place instead of
     * failing as a whole.
     */
    public List<AuditEntry> auditIfReadable(String service, String subject) {
        try {
            return audit(service, subject);
        } catch (ServiceUnavailable | ApiProblem e) {
            return null;
        }
    }

    /** The latest operator actions of {@code service}, of one {@code action} (null: every action), newest first. */
    public List<AuditEntry> recentActions(String service, String action, int limit) {
        return admin(service)
                .get(
                        "/admin/audit?action={action}&limit={limit}",
                        new ParameterizedTypeReference<List<AuditEntry>>() {},
                        action == null ? "" : action,
                        limit);
    }

    public List<Projection> projections(String service) {
        return admin(service).get("/admin/projections", new ParameterizedTypeReference<List<Projection>>() {});
    }

    public void rebuild(String service, String projection) {
        admin(service).send(HttpMethod.POST, "/admin/projections/{name}/rebuild", null, Void.class, projection);
    }

    public Rebuild rebuildStatus(String service, String projection) {
        return admin(service).get("/admin/projections/{name}/rebuild", Rebuild.class, projection);
    }

    public void cancelRebuild(String service, String projection) {
        admin(service).send(HttpMethod.DELETE, "/admin/projections/{name}/rebuild", null, Void.class, projection);
    }

    public List<DeadLetter> deadLetters(String service) {
        return admin(service).get("/admin/dead-letters", new ParameterizedTypeReference<List<DeadLetter>>() {});
    }

    public DeadLetter deadLetter(String service, String id) {
        return admin(service).get("/admin/dead-letters/{id}", DeadLetter.class, id);
    }

    public void redrive(String service, String id) {
        admin(service).send(HttpMethod.POST, "/admin/dead-letters/{id}/retry", null, Void.class, id);
    }

    public void discard(String service, String id, String reason) {
        admin(service).send(HttpMethod.DELETE, "/admin/dead-letters/{id}", Map.of("reason", reason), Void.class, id);
    }

    private Admin admin(String service) {
        Admin admin = admins.get(service);
        if (admin == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return admin;
    }

    /** One service's operations API; {@link ApiClient}'s calls are visible here (same package). */
    private static final class Admin extends ApiClient {
        Admin(String service, RestClient rest, PortalSession session) {
            super(service, rest, session);
        }
    }
}
