package com.canon.cps.product.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/catalog} as a web slice: the models of the version in force on the business clock, not of a later
 * one, each with its points and where they come from. (That the catalogue needs no token is the platform's security,
 * checked by the service's integration tests.)
 */
@WebMvcTest(CatalogController.class)
@Import(CatalogControllerTest.Versions.class)
@WithMockUser
class CatalogControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Versions {

        @Bean
        Catalog catalog() {
            return new Catalog(List.of(
                    new CatalogVersion(
                            "2024-01",
                            LocalDate.parse("2024-01-01"),
                            List.of(
                                    new CatalogModel(
                                            "EOS-R5",
                                            "EOS R5",
                                            ProductCategory.EOS_R_BODY,
                                            280,
                                            PointsSource.PLACEHOLDER),
                                    new CatalogModel(
                                            "EOS-5D-MARK-III",
                                            "EOS 5D Mark III",
                                            ProductCategory.EF_BODY,
                                            235,
                                            PointsSource.REAL))),
                    new CatalogVersion(
                            "2027-01",
                            LocalDate.parse("2027-01-01"),
                            List.of(new CatalogModel(
                                    "EOS-R5", "EOS R5", ProductCategory.EOS_R_BODY, 300, PointsSource.REAL)))));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheModelsOfTheVersionInForce_notOfALaterOne() throws Exception {
        mvc.perform(get("/api/catalog"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].modelCode").value("EOS-R5"))
                .andExpect(jsonPath("$[0].name").value("EOS R5"))
                .andExpect(jsonPath("$[0].category").value("EOS_R_BODY"))
                .andExpect(jsonPath("$[0].points").value(280))
                .andExpect(jsonPath("$[0].pointsSource").value("PLACEHOLDER"))
                .andExpect(jsonPath("$[0].catalogVersion").value("2024-01"))
                .andExpect(jsonPath("$[1].modelCode").value("EOS-5D-MARK-III"))
                .andExpect(jsonPath("$[1].pointsSource").value("REAL"));
    }
}
