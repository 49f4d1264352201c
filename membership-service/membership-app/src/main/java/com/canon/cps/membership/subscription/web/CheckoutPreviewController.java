package com.canon.cps.membership.subscription.web;

import com.canon.cps.membership.subscription.domain.MembershipOffer;
import com.canon.cps.membership.subscription.domain.Price;
import com.canon.cps.membership.subscription.domain.Tier;
import com.canon.cps.membership.subscription.query.MembershipQueries;
import com.canon.cps.membership.subscription.query.MembershipView;
import com.canon.cps.membership.subscription.store.BuyerVatStatus;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.vat.treatment.VatAmounts;
import com.canon.cps.vat.treatment.VatBuyer;
import com.canon.cps.vat.treatment.VatRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The price before PURCHASE: the tier's net price in the member's market with VAT by the buyer's treatment, worked out
 * by billing's own VAT rule ({@link VatRules}, module {@code vat-treatment}) from the facts billing invoices by (the
 * application's country, VAT-liable and VAT ID, the registry's confirmation at verification) and the rates of
 * {@code cps.membership.vat}, so the preview shows what the invoice will say. Read from the projections (eventually
 * consistent); nothing is stored.
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class CheckoutPreviewController {

    private final MembershipQueries queries;
    private final MembershipOffer offer;
    private final BuyerVatStatus buyers;
    private final VatRules vat;

    CheckoutPreviewController(MembershipQueries queries, MembershipOffer offer, BuyerVatStatus buyers, VatRules vat) {
        this.queries = queries;
        this.offer = offer;
        this.buyers = buyers;
        this.vat = vat;
    }

    record Money(String amount, String currency) {}

    /**
     * {@code vatRate} is a percentage as a decimal string ({@code "20.00"}); {@code vatNote} the sentence the invoice
     * will print with the treatment (reverse charge, outside the EU), else null; {@code term} the ISO-8601 period the
     * price is for.
     */
    record Preview(
            String tier,
            String tierName,
            Money net,
            Money vat,
            String vatRate,
            String vatTreatment,
            String vatNote,
            Money total,
            String term) {}

    /**
     * 400 for a missing or unknown tier or one without a price in the market; 422 before the invitation, for a tier
     * the points do not reach, and while the account's application is not known yet.
     */
    @GetMapping("/api/membership/checkout/preview")
    Preview preview(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String tier) {
        if (tier == null || tier.isBlank()) {
            throw ApiProblem.invalid("tier", "is required");
        }
        Tier t = offer.tier(tier.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiProblem.invalid("tier", "is not a CPS tier"));
        String accountId = CurrentMember.accountId(jwt);
        MembershipView m = queries.byAccount(accountId).orElse(null);
        if (m == null || !m.isInvited()) {
            throw refused(null, "The account has not been invited to CPS");
        }
        if (!offer.available(t, m.pointsOrZero())) {
            throw refused(
                    "tier", t.name() + " needs " + t.minPoints() + " points; the account has " + m.pointsOrZero());
        }
        VatBuyer buyer = buyers.find(accountId)
                .filter(b -> m.country() != null)
                .orElseThrow(() -> refused(null, "The account's details are not known yet; try again shortly"));
        Price price = offer.price(t.code(), m.country())
                .orElseThrow(() -> ApiProblem.invalid("tier", "has no price in this market"));
        VatAmounts amounts = vat.amounts(buyer, new BigDecimal(price.amount()));
        String currency = price.currency();
        return new Preview(
                t.code(),
                t.name(),
                money(amounts.net(), currency),
                money(amounts.vat(), currency),
                amounts.decision().rate().setScale(2).toPlainString(),
                amounts.decision().treatment().name(),
                amounts.decision().note(),
                money(amounts.gross(), currency),
                offer.term().toString());
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2).toPlainString(), currency);
    }

    private static ApiProblem refused(String field, String detail) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Preview refused",
                detail,
                field == null ? List.of() : List.of(new ApiProblem.FieldError(field, detail)));
    }
}
