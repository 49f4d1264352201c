package com.canon.cps.portal.subscriptions;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.MembershipApi;
import com.canon.cps.portal.config.PortalSettings;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The seed's checkout: "Please review your information" (the tier and its price, Change Plan, Auto-Renewal, the
 * purchase order number, the CPS Terms & Conditions), then "Please select payment option" (Credit Card: the payment
 * gateway's hosted card form authorises a zero amount and hands back a token; Bank Transfer), then the dashboard.
 * Card numbers never reach a page of ours. Whether a tier may be bought is membership-service's rule alone.
 */
@Controller
class CheckoutController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MembershipApi memberships;
    private final PortalSettings settings;

    CheckoutController(MembershipApi memberships, PortalSettings settings) {
        this.memberships = memberships;
        this.settings = settings;
    }

    @ModelAttribute("section")
    String section() {
        return "subscriptions";
    }

    record ReviewForm(String tier, Boolean autoRenew, String purchaseOrderNumber, Boolean termsAccepted) {}

    @GetMapping("/subscriptions/review")
    String review(@RequestParam(name = "tier", defaultValue = "") String tier, Model model, HttpSession session) {
        Optional<MembershipApi.Tier> offer = offer(tier);
        if (offer.isEmpty()) {
            return "redirect:/subscriptions";
        }
        PendingOrder pending = (PendingOrder) session.getAttribute(PendingOrder.ATTRIBUTE);
        boolean sameTier = pending != null && pending.tier().equals(tier);
        model.addAttribute("tier", offer.get());
        model.addAttribute(
                "form",
                new ReviewForm(
                        tier, !sameTier || pending.autoRenew(), sameTier ? pending.purchaseOrderNumber() : "", false));
        model.addAttribute("terms", terms());
        model.addAttribute("preview", preview(tier));
        return "review";
    }

    @PostMapping("/subscriptions/review")
    String purchase(@ModelAttribute("form") ReviewForm form, Model model, HttpSession session) {
        Optional<MembershipApi.Tier> offer = offer(form.tier());
        if (offer.isEmpty()) {
            return "redirect:/subscriptions";
        }
        String po = form.purchaseOrderNumber() == null
                ? ""
                : form.purchaseOrderNumber().trim();
        boolean termsAccepted = Boolean.TRUE.equals(form.termsAccepted());
        if (!termsAccepted || po.length() > 35) {
            model.addAttribute("tier", offer.get());
            model.addAttribute("terms", terms());
            model.addAttribute("preview", preview(form.tier()));
            model.addAttribute("termsMissing", !termsAccepted);
            model.addAttribute("poTooLong", po.length() > 35);
            return "review";
        }
        MembershipApi.Terms terms = terms();
        session.setAttribute(
                PendingOrder.ATTRIBUTE,
                new PendingOrder(
                        form.tier(),
                        Boolean.TRUE.equals(form.autoRenew()),
                        po.isEmpty() ? null : po,
                        terms == null ? "2024-01" : terms.version(),
                        state()));
        return "redirect:/subscriptions/payment";
    }

    @GetMapping("/subscriptions/payment")
    String payment(@RequestParam(name = "error", required = false) String error, Model model, HttpSession session) {
        PendingOrder pending = (PendingOrder) session.getAttribute(PendingOrder.ATTRIBUTE);
        if (pending == null) {
            return "redirect:/subscriptions";
        }
        model.addAttribute("pending", pending);
        model.addAttribute("tier", offer(pending.tier()).orElse(null));
        model.addAttribute("declined", "card_declined".equals(error));
        return "payment";
    }

    @PostMapping("/subscriptions/payment")
    String checkout(
            @RequestParam(name = "paymentMethod", defaultValue = "") String method,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        PendingOrder pending = (PendingOrder) session.getAttribute(PendingOrder.ATTRIBUTE);
        if (pending == null) {
            return "redirect:/subscriptions";
        }
        return switch (method) {
            case "CARD" -> "redirect:" + cardForm(pending);
            case "BANK_TRANSFER" -> complete(pending, "BANK_TRANSFER", null, session, model, redirect);
            default -> {
                model.addAttribute("pending", pending);
                model.addAttribute("tier", offer(pending.tier()).orElse(null));
                model.addAttribute("choose", true);
                yield "payment";
            }
        };
    }

    /** The gateway sends the member back here: with a token, or with {@code error=card_declined|cancelled}. */
    @GetMapping("/subscriptions/payment/card")
    String cardReturned(
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        PendingOrder pending = (PendingOrder) session.getAttribute(PendingOrder.ATTRIBUTE);
        if (pending == null || state == null || !state.equals(pending.state())) {
            return "redirect:/subscriptions";
        }
        if (error != null || token == null || !token.startsWith("tok_")) {
            return "redirect:/subscriptions/payment" + ("card_declined".equals(error) ? "?error=card_declined" : "");
        }
        return complete(pending, "CARD", token, session, model, redirect);
    }

    private String complete(
            PendingOrder pending,
            String method,
            String cardToken,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        try {
            memberships.checkout(new MembershipApi.Checkout(
                    pending.tier(),
                    pending.autoRenew(),
                    pending.purchaseOrderNumber(),
                    true,
                    pending.termsVersion(),
                    method,
                    cardToken));
        } catch (ApiProblem refused) {
            if (refused.status() == 409) { // already active: the order was placed before (e.g. a second tab)
                session.removeAttribute(PendingOrder.ATTRIBUTE);
                return "redirect:/subscriptions";
            }
            model.addAttribute("pending", pending);
            model.addAttribute("tier", offer(pending.tier()).orElse(null));
            model.addAttribute("refused", true);
            return "payment";
        }
        session.removeAttribute(PendingOrder.ATTRIBUTE);
        redirect.addFlashAttribute("purchased", true);
        return "redirect:/subscriptions";
    }

    private String cardForm(PendingOrder pending) {
        return cardForm("/subscriptions/payment/card", pending.state());
    }

    /** The gateway's hosted card form, coming back to {@code returnPath} of this site with {@code state}. */
    String cardForm(String returnPath, String state) {
        String returnUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(returnPath)
                .toUriString();
        return UriComponentsBuilder.fromUriString(settings.cardForm())
                .queryParam("return_url", returnUrl)
                .queryParam("state", state)
                .queryParam("locale", LocaleContextHolder.getLocale().getLanguage())
                .encode()
                .toUriString();
    }

    private Optional<MembershipApi.Tier> offer(String tier) {
        for (String view : new String[] {"INDIVIDUAL", "BUSINESS"}) {
            MembershipApi.Tiers tiers = memberships.tiers(view);
            Optional<MembershipApi.Tier> found = tiers.tiers().stream()
                    .filter(t -> t.code().equals(tier) && t.available())
                    .findFirst();
            if (found.isPresent() || !tiers.businessTiersAvailable()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Net, VAT by the member's treatment, total: what the invoice will say (null when it cannot be known now). */
    private MembershipApi.Preview preview(String tier) {
        try {
            return memberships.preview(tier);
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    private MembershipApi.Terms terms() {
        try {
            return memberships.terms(LocaleContextHolder.getLocale().getLanguage());
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    static String state() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
