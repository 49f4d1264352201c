package com.canon.cps.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The erasure pages hold no rule but decide what the person sees: the member's account is erased only with the tick
 * and then the session ends (a refusal keeps it, with a sentence at the field); the back office asks account-service
 * only with a reason and the confirmation, and turns each answer into the key of a sentence.
 */
class ErasureControllerTest {

    private static final String ACCOUNT = "5f0c1e9a-3b7e-4c1a-9d7e-2f1a3c4b5d6e";

    private final AccountApi accounts = mock(AccountApi.class);
    private final PortalSession session = mock(PortalSession.class);
    private final ErasureController controller = new ErasureController(accounts, session);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/account/erasure");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void language() {
        SessionLocaleResolver languages = new SessionLocaleResolver();
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, languages);
        languages.setLocale(request, response, Locale.GERMAN);
    }

    @Test
    void withoutTheTick_nothingIsErased() {
        ErasureController.ErasureForm form = new ErasureController.ErasureForm("Bright-Lenses-Shoot-2026", false);
        BindingResult result = result(form);

        assertThat(controller.erase(form, result, new ExtendedModelMap(), request, response))
                .isEqualTo("erasure");

        assertThat(result.getFieldError("understood").getCodes()).contains("erasure.error.understood.missing");
        verify(accounts, never()).eraseMine(anyString());
        verify(session, never()).signOut(any());
    }

    @Test
    void aWrongPassword_isASentenceAtThePasswordField_andTheSessionStays() {
        when(accounts.eraseMine("wrong"))
                .thenThrow(new ApiProblem(
                        "account",
                        400,
                        "invalid",
                        List.of(new ApiProblem.FieldError("currentPassword", "is not your current password"))));
        ErasureController.ErasureForm form = new ErasureController.ErasureForm("wrong", true);
        BindingResult result = result(form);

        assertThat(controller.erase(form, result, new ExtendedModelMap(), request, response))
                .isEqualTo("erasure");

        assertThat(result.getFieldError("password").getCodes()).contains("erasure.error.password.wrong");
        verify(session, never()).signOut(any());
    }

    @Test
    void tooManyTries_orTheServiceDown_areSentencesAtTheTop() {
        when(accounts.eraseMine("guess")).thenThrow(new ApiProblem("account", 429, "too many", List.of()));
        ErasureController.ErasureForm form = new ErasureController.ErasureForm("guess", true);
        BindingResult throttled = result(form);
        controller.erase(form, throttled, new ExtendedModelMap(), request, response);
        assertThat(throttled.getGlobalError().getCodes()).contains("erasure.error.429");

        when(accounts.eraseMine("later")).thenThrow(new ServiceUnavailable("account", 503));
        ErasureController.ErasureForm later = new ErasureController.ErasureForm("later", true);
        BindingResult down = result(later);
        controller.erase(later, down, new ExtendedModelMap(), request, response);
        assertThat(down.getGlobalError().getCodes()).contains("erasure.error.503");
        verify(session, never()).signOut(any());
    }

    @Test
    void erased_theSessionEnds_andTheGoodbyeKeepsThePageLanguage() {
        ErasureController.ErasureForm form = new ErasureController.ErasureForm("Bright-Lenses-Shoot-2026", true);

        assertThat(controller.erase(form, result(form), new ExtendedModelMap(), request, response))
                .isEqualTo("redirect:/account/erased");

        verify(accounts).eraseMine("Bright-Lenses-Shoot-2026");
        verify(session).signOut(request);
        assertThat(new SessionLocaleResolver().resolveLocale(request)).isEqualTo(Locale.GERMAN);
    }

    @Test
    void backOffice_asksOnlyWithAReasonAndTheConfirmation() {
        assertThat(outcome("  ", true)).isEqualTo("reason");
        assertThat(outcome("x".repeat(ErasureController.MAX_REASON + 1), true)).isEqualTo("reason");
        assertThat(outcome("Request by letter", false)).isEqualTo("unconfirmed");
        verify(accounts, never()).erase(anyString(), anyString());

        assertThat(outcome("  Request by letter ", true)).isEqualTo("202");
        verify(accounts).erase(ACCOUNT, "Request by letter");
    }

    @Test
    void backOffice_answersBecomeSentences() {
        for (int status : new int[] {403, 404, 409}) {
            doThrow(new ApiProblem("account", status, "refused", List.of()))
                    .when(accounts)
                    .erase(ACCOUNT, "r" + status);
            assertThat(outcome("r" + status, true)).isEqualTo(String.valueOf(status));
        }
        doThrow(new ApiProblem("account", 400, "invalid", List.of()))
                .when(accounts)
                .erase(ACCOUNT, "r400");
        assertThat(outcome("r400", true)).isEqualTo("reason");
        doThrow(new ServiceUnavailable("account", 503)).when(accounts).erase(ACCOUNT, "down");
        assertThat(outcome("down", true)).isEqualTo("503");
    }

    private String outcome(String reason, boolean understood) {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        assertThat(controller.eraseMember(ACCOUNT, reason, understood, redirect))
                .isEqualTo("redirect:/back-office/members/" + ACCOUNT + "#erasure");
        return (String) redirect.getFlashAttributes().get("erasure");
    }

    private static BindingResult result(ErasureController.ErasureForm form) {
        return new BeanPropertyBindingResult(form, "erasure");
    }
}
