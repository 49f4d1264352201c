package com.canon.cps.membership.terms;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.canon.cps.platform.web.ProblemDetailsAdvice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The published terms as a web slice: the current version by default, another on request, in the language asked,
 * and the 404 and 400 of an unknown version or language. (Who may call it, anyone, is SecurityIT's business: the
 * slice runs without the security filters.)
 */
@WebMvcTest(TermsController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemDetailsAdvice.class, TermsControllerTest.Catalogue.class})
class TermsControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Catalogue {
        @Bean
        TermsCatalogue termsCatalogue() {
            return new TermsCatalogue(
                    List.of(
                            new TermsCatalogue.Version(
                                    "2024-01", LocalDate.of(2024, 1, 15), Map.of("en", "Old terms", "de", "Alte AGB")),
                            new TermsCatalogue.Version(
                                    "2025-01", LocalDate.of(2025, 1, 15), Map.of("en", "New terms", "de", "Neue AGB"))),
                    "2025-01");
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void withoutParameters_answersTheCurrentVersionInEnglish() throws Exception {
        mvc.perform(get(TermsController.PATH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2025-01"))
                .andExpect(jsonPath("$.publishedOn").value("2025-01-15"))
                .andExpect(jsonPath("$.text").value("New terms"))
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void anEarlierVersionInGerman_isAnsweredAsPublished() throws Exception {
        mvc.perform(get(TermsController.PATH).param("version", "2024-01").param("lang", "DE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2024-01"))
                .andExpect(jsonPath("$.text").value("Alte AGB"))
                .andExpect(jsonPath("$.language").value("de"));
    }

    @Test
    void anUnknownVersion_isA404_andAnotherLanguage_isA400() throws Exception {
        mvc.perform(get(TermsController.PATH).param("version", "1999-01")).andExpect(status().isNotFound());
        mvc.perform(get(TermsController.PATH).param("lang", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }
}
