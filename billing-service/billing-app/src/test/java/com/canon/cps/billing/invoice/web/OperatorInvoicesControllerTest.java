package com.canon.cps.billing.invoice.web;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.canon.cps.billing.invoice.query.InvoiceQueries;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.platform.web.ProblemDetailsAdvice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The operators' list of unpaid invoices as a web slice: the query it asks, the list it answers, its 400. */
@WebMvcTest(OperatorInvoicesController.class)
@Import(ProblemDetailsAdvice.class)
@WithMockUser(roles = "OPERATOR")
class OperatorInvoicesControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InvoiceQueries queries;

    private static InvoiceView overdue() {
        return new InvoiceView(
                "inv-1",
                "acc-1",
                "sub-1",
                "CPS-GB-2026-000123",
                "CPS-GB-2026",
                "2026-11-27",
                "2026-12-27",
                "GBP",
                "85.00",
                "20.00",
                "17.00",
                "102.00",
                "UK_VAT",
                null,
                "OVERDUE",
                "BANK_TRANSFER",
                null,
                "RF18CPSGB2026000123",
                null,
                new InvoiceView.PartyView("Lumen Studio Ltd", "1 High St", "SW1A 1AA", "London", "GB", null),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null);
    }

    @Test
    void withoutStatus_listsOpenAndOverdue_withTheBuyerAndTheGross() throws Exception {
        when(queries.byStatus(eq(List.of("OPEN", "OVERDUE")), eq(OperatorInvoicesController.MAX)))
                .thenReturn(List.of(overdue()));

        mvc.perform(get("/api/billing/invoices"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].invoiceId").value("inv-1"))
                .andExpect(jsonPath("$[0].buyerName").value("Lumen Studio Ltd"))
                .andExpect(jsonPath("$[0].buyerCountry").value("GB"))
                .andExpect(jsonPath("$[0].gross.amount").value("102.00"))
                .andExpect(jsonPath("$[0].gross.currency").value("GBP"))
                .andExpect(jsonPath("$[0].status").value("OVERDUE"))
                .andExpect(jsonPath("$[0].paymentReference").value("RF18CPSGB2026000123"));
    }

    @Test
    void aStatusOtherThanOpenOrOverdue_isA400_atStatus() throws Exception {
        mvc.perform(get("/api/billing/invoices").param("status", "PAID"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        verifyNoInteractions(queries);
    }
}
