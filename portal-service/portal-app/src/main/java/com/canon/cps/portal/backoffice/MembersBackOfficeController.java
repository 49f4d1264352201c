package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.BillingApi;
import com.canon.cps.portal.client.MembershipApi;
import com.canon.cps.portal.client.NotificationApi;
import com.canon.cps.portal.client.OperationsApi;
import com.canon.cps.portal.client.PointsApi;
import com.canon.cps.portal.client.ProductApi;
import com.canon.cps.portal.client.Reads;
import com.canon.cps.portal.client.ServiceUnavailable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members for every operator: search by e-mail, company name, VAT ID or account id (account-service's member-search
 * projection), the member's page with its open invoices, and a new password-setup link for a member whose link
 * expired or was lost. The member's page shows what each service holds of the account (products, points, membership,
 * open invoices, what was sent), each part on its own, so one service down leaves the rest.
 */
@Controller
class MembersBackOfficeController {

    private final AccountApi accounts;
    private final BillingApi billing;
    private final ProductApi products;
    private final PointsApi points;
    private final MembershipApi memberships;
    private final NotificationApi notifications;
    private final OperationsApi operations;
    private final Reads reads;

    MembersBackOfficeController(
            AccountApi accounts,
            BillingApi billing,
            ProductApi products,
            PointsApi points,
            MembershipApi memberships,
            NotificationApi notifications,
            OperationsApi operations,
            Reads reads) {
        this.accounts = accounts;
        this.billing = billing;
        this.products = products;
        this.points = points;
        this.memberships = memberships;
        this.notifications = notifications;
        this.operations = operations;
        this.reads = reads;
    }

    @ModelAttribute("boSection")
    String section() {
        return "members";
    }

    @GetMapping("/back-office/members")
    String search(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            return "backoffice/members";
        }
        if (query.length() < 2 || query.length() > 200) {
            model.addAttribute("queryInvalid", true);
            return "backoffice/members";
        }
        model.addAttribute("members", accounts.searchMembers(query));
        return "backoffice/members";
    }

    @GetMapping("/back-office/members/{accountId}")
    String member(@PathVariable String accountId, Model model) {
        List<AccountApi.MemberHit> found;
        try {
            found = accounts.searchMembers(accountId);
        } catch (ApiProblem notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        AccountApi.MemberHit member = found.stream()
                .filter(m -> m.accountId().equals(accountId))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("member", member);
        Map<String, Supplier<?>> parts = new LinkedHashMap<>();
        parts.put(
                "invoices",
                () -> billing.openInvoices().stream()
                        .filter(i -> accountId.equals(i.accountId()))
                        .toList());
        parts.put("products", () -> products.productsOf(accountId));
        parts.put("points", () -> points.pointsOf(accountId));
        parts.put("membership", () -> memberships.membershipOf(accountId));
        parts.put("notifications", () -> notifications.notificationsOf(accountId));
        // who re-issued the member's password link, and when
        parts.put("actions", () -> operations.audit("account", accountId));
        try (Reads.Scope scope = reads.scope()) {
            Map<String, Reads.Pending<?>> pending = new LinkedHashMap<>();
            parts.forEach((name, part) -> pending.put(name, scope.start(() -> optional(part))));
            pending.forEach((name, part) -> model.addAttribute(name, part.get()));
        }
        return "backoffice/member";
    }

    @PostMapping("/back-office/members/{accountId}/password-setup")
    String reissue(@PathVariable String accountId, RedirectAttributes redirect) {
        try {
            accounts.reissuePasswordSetup(accountId);
            redirect.addFlashAttribute("reissued", true);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("reissueRefused", refused.status() == 409 ? 409 : 404);
        }
        return "redirect:/back-office/members/" + accountId;
    }

    /** Each part of the member's page from its own service; null when that one cannot answer (the page says so). */
    private static <T> T optional(Supplier<T> part) {
        try {
            return part.get();
        } catch (ServiceUnavailable | ApiProblem e) {
            return null;
        }
    }
}
