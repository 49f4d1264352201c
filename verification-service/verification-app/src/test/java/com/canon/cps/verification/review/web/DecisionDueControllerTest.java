package com.canon.cps.verification.review.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.canon.cps.platform.web.ProblemDetailsAdvice;
import com.canon.cps.verification.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/verification/decision-due} as a web slice: the decision date from the SLA calendar (two business
 * days, cut-off 17:00), the application counting as submitted now without {@code submittedAt}, and 400 problems at the
 * field for a missing or unknown country and an unreadable instant. (That it needs no token is the platform's
 * security, checked by the service's integration tests.)
 */
@WebMvcTest(DecisionDueController.class)
@Import({ProblemDetailsAdvice.class, DecisionDueControllerTest.Calendar.class})
@WithMockUser
class DecisionDueControllerTest {

    /** Monday 2 March 2026, 10:00 in London. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Calendar {

        @Bean
        BusinessCalendar slaCalendar() {
            return new BusinessCalendar(2, LocalTime.of(17, 0));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anApplicationSubmittedOnAMondayMorning_isDecidedByWednesday() throws Exception {
        mvc.perform(get("/api/verification/decision-due")
                        .param("country", " gb ")
                        .param("submittedAt", "2026-03-02T10:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("GB"))
                .andExpect(jsonPath("$.submittedAt").value("2026-03-02T10:00:00Z"))
                .andExpect(jsonPath("$.decisionDue").value("2026-03-04"));
    }

    @Test
    void withoutSubmittedAt_theApplicationCountsAsSubmittedNow() throws Exception {
        mvc.perform(get("/api/verification/decision-due").param("country", "GB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submittedAt").value("2026-03-02T10:00:00Z"))
                .andExpect(jsonPath("$.decisionDue").value("2026-03-04"));
    }

    @Test
    void aMissingCountry_isA400_atCountry() throws Exception {
        mvc.perform(get("/api/verification/decision-due"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void anUnknownCountry_isA400_atCountry() throws Exception {
        mvc.perform(get("/api/verification/decision-due").param("country", "XX"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void anUnreadableInstant_isA400_atSubmittedAt() throws Exception {
        mvc.perform(get("/api/verification/decision-due").param("country", "GB").param("submittedAt", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("submittedAt"));
    }
}
