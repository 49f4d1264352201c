package com.canon.cps.portal.subscriptions;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import com.canon.cps.portal.client.MembershipApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
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

    private final MembershipApi memberships;
    private final BillingApi billing;

    SubscriptionsController(MembershipApi memberships, BillingApi billing) {
        this.memberships = memberships;
        this.billing = billing;
    }

    @ModelAttribute("section")
    String section() {
        return "subscriptions";
    }

    @GetMapping("/subscriptions")
    String subscriptions(@RequestParam(name = "view", required = false) String view, Model model) {
        MembershipApi.Membership membership = memberships.membership();
        model.addAttribute("membership", membership);
        if ("ACTIVE".equals(membership.status())) {
            model.addAttribute("invoices", invoices());
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
            return "dashboard :: manage";
        }
        redirect.addFlashAttribute("autoRenewSaved", autoRenew);
        return "redirect:/subscriptions";
    }

    private List<BillingApi.Invoice> invoices() {
        try {
            return billing.invoices();
        } catch (ServiceUnavailable | ApiProblem e) {
            return null; // the page says the invoices are not available right now
        }
    }
}
