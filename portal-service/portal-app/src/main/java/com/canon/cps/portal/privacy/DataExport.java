package com.canon.cps.portal.privacy;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import com.canon.cps.portal.client.MembershipApi;
import com.canon.cps.portal.client.NotificationApi;
import com.canon.cps.portal.client.PointsApi;
import com.canon.cps.portal.client.ProductApi;
import com.canon.cps.portal.client.Reads;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.client.VerificationApi;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GDPR access and portability (Art. 15, 20): everything the services hold about one Business Account as one JSON
 * file, for the member (MY ACCOUNT, with the member's token) and for an operator answering a request that came by
 * letter (the back office's member page, with the operator's token and the {@code ?accountId=} reads of ADR 19). Both
 * go through {@link #build(Source)}: the same sections, in the same order, read at the same time.
 *
 * <p>All or nothing: a section that cannot be read now (a service down, timed out, or refusing) makes the whole export
 * fail with {@link ExportUnavailable}; there is never a file with a part silently missing. What a reader can never
 * read through the services' APIs (the member's own documents; for operators, the account's contact details) is named
 * in the file's {@code limitations}, with the reason.
 */
@Component
public class DataExport {

    /** The file's sections, in this order, each present in every file (null where a limitation says why). */
    public static final List<String> SECTIONS = List.of(
            "account",
            "documents",
            "products",
            "pointsBalance",
            "pointsHistory",
            "membership",
            "invoices",
            "notifications");

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final AccountApi accounts;
    private final VerificationApi verification;
    private final ProductApi products;
    private final PointsApi points;
    private final MembershipApi memberships;
    private final BillingApi billing;
    private final NotificationApi notifications;
    private final Reads reads;
    private final Clock clock;

    @Autowired
    DataExport(
            AccountApi accounts,
            VerificationApi verification,
            ProductApi products,
            PointsApi points,
            MembershipApi memberships,
            BillingApi billing,
            NotificationApi notifications,
            Reads reads) {
        this(accounts, verification, products, points, memberships, billing, notifications, reads, Clock.systemUTC());
    }

    DataExport(
            AccountApi accounts,
            VerificationApi verification,
            ProductApi products,
            PointsApi points,
            MembershipApi memberships,
            BillingApi billing,
            NotificationApi notifications,
            Reads reads,
            Clock clock) {
        this.accounts = accounts;
        this.verification = verification;
        this.products = products;
        this.points = points;
        this.memberships = memberships;
        this.billing = billing;
        this.notifications = notifications;
        this.reads = reads;
        this.clock = clock;
    }

    /** The file: its name ({@code cps-data-<accountId>-<date>.json}) and its bytes (UTF-8 JSON). */
    public record File(String name, byte[] bytes) {}

    /** A part was not readable now: no file; the page says to try again later. */
    public static final class ExportUnavailable extends RuntimeException {

        private final List<String> sections;

        ExportUnavailable(List<String> sections, Throwable first) {
            super("data export not possible now, unreadable: " + sections, first);
            this.sections = List.copyOf(sections);
        }

        public List<String> sections() {
            return sections;
        }
    }

    /** Something the reader can never read through the services' APIs, and why (named in the file). */
    record Limitation(String section, String reason) {}

    /** What one reader reads of one account, section by section ({@link #SECTIONS}). */
    interface Source {

        String accountId();

        /** {@code MEMBER} or {@code OPERATOR}. */
        String exportedBy();

        /** Each section's read, by its name; a section not here is null in the file and has a limitation. */
        Map<String, Supplier<Object>> sections();

        List<Limitation> limitations();
    }

    /** The signed-in member's own data, read with the member's token. */
    public File member() {
        AccountApi.MyAccount me;
        try {
            me = accounts.me();
        } catch (ServiceUnavailable | ApiProblem e) {
            throw new ExportUnavailable(List.of("account"), e);
        }
        return build(new MemberSource(me));
    }

    /** OPERATOR: a member's data (404 for an account the member search does not know). */
    public File operator(String accountId) {
        AccountApi.MemberHit member;
        try {
            member = accounts.searchMembers(accountId).stream()
                    .filter(m -> m.accountId().equals(accountId))
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (ApiProblem notAnId) {
            if (notAnId.status() == 400) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw new ExportUnavailable(List.of("account"), notAnId);
        } catch (ServiceUnavailable down) {
            throw new ExportUnavailable(List.of("account"), down);
        }
        return build(new OperatorSource(member));
    }

    /** Reads every section at the same time; all of them or {@link ExportUnavailable}. */
    File build(Source source) {
        Instant now = clock.instant();
        Map<String, Supplier<Object>> sections = source.sections();
        Map<String, Object> read = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        try (Reads.Scope scope = reads.scope()) {
            Map<String, Reads.Pending<Object>> pending = new LinkedHashMap<>();
            for (String section : SECTIONS) {
                Supplier<Object> part = sections.get(section);
                if (part != null) {
                    pending.put(section, scope.start(part));
                }
            }
            for (Map.Entry<String, Reads.Pending<Object>> part : pending.entrySet()) {
                try {
                    read.put(part.getKey(), part.getValue().get());
                } catch (ServiceUnavailable | ApiProblem e) {
                    failed.add(part.getKey());
                    first = first == null ? e : first;
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new ExportUnavailable(failed, first);
        }
        ObjectNode file = JSON.createObjectNode();
        file.put("exportedAt", now.toString());
        file.put("accountId", source.accountId());
        file.put("exportedBy", source.exportedBy());
        file.set("limitations", JSON.valueToTree(source.limitations()));
        for (String section : SECTIONS) {
            file.set(section, JSON.valueToTree(read.get(section)));
        }
        String date = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        return new File("cps-data-" + source.accountId() + "-" + date + ".json", JSON.writeValueAsBytes(file));
    }

    /** An invoice with its lines and credit notes; its PDFs by their API paths, never the files. */
    private static JsonNode invoice(BillingApi.Invoice invoice) {
        ObjectNode node = JSON.valueToTree(invoice);
        node.put("pdf", "/api/invoices/" + invoice.invoiceId() + "/pdf");
        if (node.get("creditNotes") instanceof tools.jackson.databind.node.ArrayNode notes) {
            for (JsonNode note : notes) {
                ((ObjectNode) note)
                        .put(
                                "pdf",
                                "/api/invoices/" + invoice.invoiceId() + "/credit-notes/"
                                        + note.path("creditNoteId").asString() + "/pdf");
            }
        }
        return node;
    }

    private List<JsonNode> invoices(List<String> invoiceIds) {
        return invoiceIds.stream().map(id -> invoice(billing.invoice(id))).toList();
    }

    /** A document of a verification case: what the case says of it (never the file). */
    record Document(
            String documentId,
            String type,
            boolean missing,
            String caseId,
            String caseKind,
            String caseStatus,
            Instant caseSubmittedAt) {}

    private List<Document> documents(String accountId) {
        List<Document> documents = new ArrayList<>();
        for (VerificationApi.Case c : verification.casesOf(accountId)) {
            if (c.documents() == null) {
                continue;
            }
            for (VerificationApi.DocumentRef d : c.documents()) {
                documents.add(new Document(
                        d.documentId(), d.type(), d.missing(), c.caseId(), c.kind(), c.status(), c.submittedAt()));
            }
        }
        return documents;
    }

    private static final String NO_FILE_NAMES =
            "verification-service keeps no file names (only the type and the content); the upload time and size are"
                    + " not part of a case as operators read it";

    private final class MemberSource implements Source {

        private final AccountApi.MyAccount me;

        MemberSource(AccountApi.MyAccount me) {
            this.me = me;
        }

        @Override
        public String accountId() {
            return me.accountId();
        }

        @Override
        public String exportedBy() {
            return "MEMBER";
        }

        @Override
        public Map<String, Supplier<Object>> sections() {
            Map<String, Supplier<Object>> s = new LinkedHashMap<>();
            s.put("account", () -> me);
            s.put("products", products::products);
            s.put("pointsBalance", points::points);
            s.put("pointsHistory", points::history);
            s.put("membership", memberships::membership);
            s.put(
                    "invoices",
                    () -> invoices(billing.invoices().stream()
                            .map(BillingApi.Invoice::invoiceId)
                            .filter(Objects::nonNull)
                            .toList()));
            s.put("notifications", notifications::notifications);
            return s;
        }

        @Override
        public List<Limitation> limitations() {
            return List.of(new Limitation(
                    "documents",
                    "verification-service offers members no read of their own application documents; ask CPS"
                            + " support for them (an operator's export lists them)"));
        }
    }

    private final class OperatorSource implements Source {

        private final AccountApi.MemberHit member;

        OperatorSource(AccountApi.MemberHit member) {
            this.member = member;
        }

        @Override
        public String accountId() {
            return member.accountId();
        }

        @Override
        public String exportedBy() {
            return "OPERATOR";
        }

        @Override
        public Map<String, Supplier<Object>> sections() {
            String id = member.accountId();
            Map<String, Supplier<Object>> s = new LinkedHashMap<>();
            s.put("account", () -> member);
            s.put("documents", () -> documents(id));
            s.put("products", () -> products.productsOf(id));
            s.put("pointsBalance", () -> points.pointsOf(id));
            s.put("pointsHistory", () -> points.historyOf(id));
            s.put("membership", () -> memberships.membershipOf(id));
            s.put(
                    "invoices",
                    () -> invoices(billing.invoicesOf(id).stream()
                            .map(BillingApi.Invoice::invoiceId)
                            .filter(Objects::nonNull)
                            .toList()));
            s.put("notifications", () -> notifications.notificationsOf(id));
            return s;
        }

        @Override
        public List<Limitation> limitations() {
            return List.of(
                    new Limitation(
                            "account",
                            "account-service offers operators only the member search (e-mail, company name, VAT ID,"
                                    + " country, status), not the contact name, address and language; the member's"
                                    + " own export has them"),
                    new Limitation("documents", NO_FILE_NAMES));
        }
    }
}
