package com.canon.cps.points.ledger.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.canon.cps.platform.web.ProblemDetailsAdvice;
import com.canon.cps.points.ledger.query.PointsBalanceView;
import com.canon.cps.points.ledger.query.PointsProductView;
import com.canon.cps.points.ledger.query.PointsQueries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member's points as a web slice: the account read is the token's subject, the answer the balance with its
 * products; a member naming an account is refused, an operator without one is a 400.
 */
@WebMvcTest(PointsController.class)
@Import({ProblemDetailsAdvice.class, PointsControllerTest.WebSecurity.class})
class PointsControllerTest {

    /** Spring Security's web integration (the token as {@code @AuthenticationPrincipal}), its default chain. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {}

    private static final String ACC = "7f0c2a56-1a8e-4b5e-9a43-2f1c7d9b0e11";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PointsQueries queries;

    @Test
    void aMember_readsItsOwnBalance_withItsProducts() throws Exception {
        when(queries.balance(ACC)).thenReturn(Optional.of(new PointsBalanceView(ACC, 535, 2, true)));
        when(queries.products(ACC))
                .thenReturn(List.of(
                        new PointsProductView(ACC + "/p1", ACC, "p1", "EOS-R5", 300, true, false),
                        new PointsProductView(ACC + "/p2", ACC, "p2", "EOS-5D-MARK-III", 235, true, false)));

        mvc.perform(get("/api/points")
                        .with(jwt().jwt(t -> t.tokenValue("token").subject(ACC).claim("roles", List.of("MEMBER")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(535))
                .andExpect(jsonPath("$.invited").value(true))
                .andExpect(jsonPath("$.completeProductCount").value(2))
                .andExpect(jsonPath("$.products[1].modelCode").value("EOS-5D-MARK-III"))
                .andExpect(jsonPath("$.products[1].counted").value(true));
    }

    @Test
    void anAccountWithoutProducts_hasZero() throws Exception {
        when(queries.balance(ACC)).thenReturn(Optional.empty());

        mvc.perform(get("/api/points")
                        .with(jwt().jwt(t -> t.tokenValue("token").subject(ACC).claim("roles", List.of("MEMBER")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(0))
                .andExpect(jsonPath("$.invited").value(false))
                .andExpect(jsonPath("$.products").isEmpty());
    }

    @Test
    void aMemberNamingAnAccount_isRefused_andAnOperatorWithoutOne_isA400() throws Exception {
        mvc.perform(get("/api/points")
                        .param("accountId", ACC)
                        .with(jwt().jwt(t -> t.tokenValue("token").subject(ACC).claim("roles", List.of("MEMBER")))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/points")
                        .with(jwt().jwt(t ->
                                t.tokenValue("token").subject("op-1").claim("roles", List.of("OPERATOR")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        verifyNoInteractions(queries);
    }
}
