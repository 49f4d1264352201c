package com.canon.cps.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.Reads;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.session.SignedIn;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export is all or nothing: every section in a fixed order, or no file at all when one of them cannot be read
 * (a service down, or refusing); what can never be read is named in the file.
 */
class DataExportTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:30:00Z");

    private Reads reads;
    private DataExport export;

    @BeforeEach
    void signIn() {
        URI url = URI.create("http://127.0.0.1:9");
        PortalSettings settings = new PortalSettings(
                new PortalSettings.Services(url, url, url, url, url, url, url),
                "/card-form",
                "",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                false,
                List.of("GB"));
        PortalSession session = new PortalSession(null, settings);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account/data-export");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        session.signIn(
                request,
                new SignedIn(
                        "acc-1",
                        "ada@studio.example",
                        List.of("MEMBER"),
                        "token",
                        Instant.now().plus(Duration.ofMinutes(15)),
                        "refresh"));
        reads = new Reads(session);
        export = new DataExport(null, null, null, null, null, null, null, reads, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void everySectionIsInTheFile_inItsOrder_withWhatCannotBeRead() {
        DataExport.File file = export.build(source(Map.of()));

        assertThat(file.name()).isEqualTo("cps-data-acc-1-2026-12-07.json");
        JsonNode json = JsonMapper.builder().build().readTree(file.bytes());
        List<String> keys = new ArrayList<>(json.propertyNames());
        List<String> expected = new ArrayList<>(List.of("exportedAt", "accountId", "exportedBy", "limitations"));
        expected.addAll(DataExport.SECTIONS);
        assertThat(keys).isEqualTo(expected);
        assertThat(json.path("exportedAt").asString()).isEqualTo("2026-12-07T00:30:00Z");
        assertThat(json.path("accountId").asString()).isEqualTo("acc-1");
        assertThat(json.path("products").get(0).path("serialNumber").asString()).isEqualTo("R5-1");
        assertThat(json.path("pointsHistory").get(0).path("at").asString())
                .as("times as ISO-8601, not numbers")
                .isEqualTo("2026-12-06T10:00:00Z");
        assertThat(json.path("documents").isNull()).isTrue();
        assertThat(json.path("limitations").get(0).path("section").asString()).isEqualTo("documents");
    }

    @Test
    void aServiceThatIsDown_meansNoFile() {
        assertThatThrownBy(() -> export.build(source(Map.of("pointsHistory", () -> {
                    throw new ServiceUnavailable("points", 503);
                }))))
                .isInstanceOf(DataExport.ExportUnavailable.class)
                .satisfies(e -> assertThat(((DataExport.ExportUnavailable) e).sections())
                        .containsExactly("pointsHistory"));
    }

    @Test
    void aServiceThatRefuses_meansNoFileEither() {
        assertThatThrownBy(() -> export.build(source(Map.of(
                        "invoices",
                                () -> {
                                    throw new ApiProblem("billing", 403, "Forbidden", List.of());
                                },
                        "notifications",
                                () -> {
                                    throw new ServiceUnavailable("notification", 504);
                                }))))
                .isInstanceOf(DataExport.ExportUnavailable.class)
                .satisfies(e -> assertThat(((DataExport.ExportUnavailable) e).sections())
                        .containsExactly("invoices", "notifications"));
    }

    private static DataExport.Source source(Map<String, Supplier<Object>> overrides) {
        Map<String, Supplier<Object>> sections = new LinkedHashMap<>();
        sections.put("account", () -> Map.of("accountId", "acc-1", "companyName", "Lumen Studio Ltd"));
        sections.put("products", () -> List.of(Map.of("productId", "p-1", "serialNumber", "R5-1")));
        sections.put("pointsBalance", () -> Map.of("balance", 280));
        sections.put(
                "pointsHistory",
                () -> List.of(new Change(Instant.parse("2026-12-06T10:00:00Z"), 280, "PRODUCT_REGISTERED")));
        sections.put("membership", () -> Map.of("status", "NONE"));
        sections.put("invoices", List::of);
        sections.put("notifications", List::of);
        sections.putAll(overrides);
        return new DataExport.Source() {
            @Override
            public String accountId() {
                return "acc-1";
            }

            @Override
            public String exportedBy() {
                return "MEMBER";
            }

            @Override
            public Map<String, Supplier<Object>> sections() {
                return sections;
            }

            @Override
            public List<DataExport.Limitation> limitations() {
                return List.of(new DataExport.Limitation("documents", "not offered to members"));
            }
        };
    }

    record Change(Instant at, int change, String reason) {}
}
