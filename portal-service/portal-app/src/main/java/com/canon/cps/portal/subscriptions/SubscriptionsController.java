package com.canon.cps.portal.subscriptions;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import com.canon.cps.portal.client.MembershipApi;
import com.canon.cps.portal.client.Reads;
import com.canon.cps.portal.client.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * MY SUBSCRIPTIONS: before a membership "Available CPS tiers" (with the business tiers toggle above 2,500 points);
 * with one the CPS dashboard (SUBSCRIPTION ACTIVE, expiry, membership number, tier, Manage Subscription with the
 * Auto-Renewal switch) and the invoices. Invoices come from billing-service and may be down on their own.
 */
@Controller
class SubscriptionsController {

    static final String CARD_STATE = "cps.cardChangeState";

    private final MembershipApi memberships;
    private final BillingApi billing;
    private final CheckoutController checkout;
    private final Reads reads;

    SubscriptionsController(MembershipApi memberships, BillingApi billing, CheckoutController checkout, Reads reads) {
        this.memberships = memberships;
        this.billing = billing;
        this.checkout = checkout;
        this.reads = reads;
    }

    @ModelAttribute("section")
    String section() {
        return "subscriptions";
    }

    @GetMapping("/subscriptions")
    String subscriptions(@RequestParam(name = "view", required = false) String view, Model model) {
        MembershipApi.Membership membership = memberships.membership();
        model.addAttribute("membership", membership);
        if ("ACTIVE".equals(membership.status()) || "SUSPENDED".equals(membership.status())) {
            dashboard(model);
            return "dashboard";
        }
        String chosen = "BUSINESS".equals(view) ? "BUSINESS" : "INDIVIDUAL";
        MembershipApi.Tiers tiers = memberships.tiers(chosen);
        model.addAttribute("tiers", tiers);
        return "tiers";
    }

    @PostMapping("/subscriptions/auto-renewal")
    String autoRenewal(
            @RequestParam(name = "autoRenew", defaultValue = "false") boolean autoRenew,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        memberships.autoRenew(autoRenew);
        if ("true".equals(request.getHeader("HX-Request"))) {
            model.addAttribute("membership", memberships.membership());
            dashboard(model);
            return "dashboard :: manage";
        }
        redirect.addFlashAttribute("autoRenewSaved", autoRenew);
        return "redirect:/subscriptions";
    }

    /** The tier of the next term: any tier the points reach (of the view the current tier belongs to). */
    @PostMapping("/subscriptions/next-tier")
    String nextTier(@RequestParam(name = "nextTier", defaultValue = "") String tier, RedirectAttributes redirect) {
        try {
            memberships.nextTier(tier);
            redirect.addFlashAttribute("nextTierSaved", true);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("nextTierRefused", true);
        }
        return "redirect:/subscriptions#manage";
    }

    /** A new card: the gateway's hosted form, back to {@link #cardChanged}. */
    @PostMapping("/subscriptions/card")
    String changeCard(HttpSession session) {
        String state = CheckoutController.state();
        session.setAttribute(CARD_STATE, state);
        return "redirect:" + checkout.cardForm("/subscriptions/card", state);
    }

    @GetMapping("/subscriptions/card")
    String cardChanged(
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            HttpSession session,
            RedirectAttributes redirect) {
        Object expected = session.getAttribute(CARD_STATE);
        session.removeAttribute(CARD_STATE);
        if (expected == null || !expected.equals(state)) {
            return "redirect:/subscriptions";
        }
        if (error != null || token == null || !token.startsWith("tok_")) {
            redirect.addFlashAttribute("cardDeclined", "card_declined".equals(error));
            return "redirect:/subscriptions#manage";
        }
        try {
            memberships.changeCard(token);
            redirect.addFlashAttribute("cardVerifying", true);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("cardRefused", true);
        }
        return "redirect:/subscriptions#manage";
    }

    /** The dashboard's invoices and what Manage Subscription offers (the card only to a member paying by card). */
    private void dashboard(Model model) {
        try (Reads.Scope scope = reads.scope()) {
            Reads.Pending<List<BillingApi.Invoice>> pending = scope.start(this::invoices);
            model.addAttribute("nextTiers", nextTiers());
            List<BillingApi.Invoice> invoices = pending.get();
            model.addAttribute("invoices", invoices);
            model.addAttribute(
                    "paysByCard",
                    invoices != null && invoices.stream().anyMatch(i -> "CARD".equals(i.paymentMethod())));
        }
    }

    private List<MembershipApi.Tier> nextTiers() {
        try {
            MembershipApi.Tiers individual = memberships.tiers("INDIVIDUAL");
            List<MembershipApi.Tier> tiers = new ArrayList<>(individual.tiers());
            if (individual.businessTiersAvailable()) {
                // the BUSINESS view answers 400 below the business threshold
                tiers.addAll(memberships.tiers("BUSINESS").tiers());
            }
            return tiers.stream().filter(MembershipApi.Tier::available).toList();
        } catch (ServiceUnavailable | ApiProblem e) {
            return List.of();
        }
    }

    private List<BillingApi.Invoice> invoices() {
        try {
            return billing.invoices();
        } catch (ServiceUnavailable | ApiProblem e) {
            return null; // the page says the invoices are not available right now
        }
    }
}
