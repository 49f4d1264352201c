package com.canon.cps.account.onboarding.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.canon.cps.account.onboarding.query.ApplicationStatusQueries;
import com.canon.cps.account.onboarding.query.ApplicationStatusView;
import com.canon.cps.platform.web.ProblemDetailsAdvice;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Applying and reading an application's status as a web slice: a valid application is taken (201, pending
 * verification), one Bean Validation refuses never reaches the service (400 with the field), and the status of an
 * unknown account is a 404 problem.
 */
@WebMvcTest(ApplicationController.class)
@Import({ProblemDetailsAdvice.class, ApplicationControllerTest.WebSecurity.class})
class ApplicationControllerTest {

    /** Both endpoints need no token (the platform's {@code PublicEndpoints}); the slice opens them the same way. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {

        @Bean
        SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
            return http.csrf(csrf -> csrf.disable())
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
    }

    private static final String ACC = "5b1f3c0e-7d2a-4e8b-9c61-0a4d2e6f8b13";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApplicationService applications;

    @MockitoBean
    ApplicationStatusQueries statuses;

    @Test
    void aValidApplication_isTaken_pendingVerification() throws Exception {
        when(applications.apply(any())).thenReturn(ACC);

        mvc.perform(post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(application("en")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountId").value(ACC))
                .andExpect(jsonPath("$.status").value("PENDING_VERIFICATION"));
    }

    @Test
    void anApplicationInAnotherLanguage_isRefusedWithTheField_beforeTheService() throws Exception {
        mvc.perform(post("/api/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(application("fr")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        verifyNoInteractions(applications);
    }

    @Test
    void theStatus_isReadByAccountId_andAnUnknownOneIsA404() throws Exception {
        when(statuses.byId(ACC)).thenReturn(Optional.of(new ApplicationStatusView(ACC, "INFO_REQUESTED")));
        when(statuses.byId("unknown")).thenReturn(Optional.empty());

        mvc.perform(get("/api/accounts/applications/{id}", ACC))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(ACC))
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"));
        mvc.perform(get("/api/accounts/applications/{id}", "unknown"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    private static String application(String language) {
        return """
                {"companyName": "Lumen Studio Ltd",
                 "address": {"line1": "1 High St", "postalCode": "SW1A 1AA", "city": "London", "country": "GB"},
                 "contactName": "Ada Lumen", "contactEmail": "ada@lumen.example", "language": "%s",
                 "vatLiable": true, "vatId": "GB980780684", "evidenceDocumentIds": ["doc-1"],
                 "authorisedToApply": true}
                """.formatted(language);
    }
}
