package com.canon.cps.points.ledger.web;

import com.canon.cps.platform.security.AccountToRead;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.points.ledger.query.PointsBalanceView;
import com.canon.cps.points.ledger.query.PointsQueries;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * MEMBER {@code GET /api/points}: the balance and the per-product breakdown (an account without products has 0), and
 * {@code GET /api/points/history}: every change of the balance. Any operator (ADR 19) reads a member's with
 * {@code ?accountId=} (the same answers; a member naming an {@code accountId} gets 403, an operator without one 400).
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class PointsController {

    private static final String MEMBER_OR_OPERATOR = "hasRole('MEMBER') or " + OperatorAccess.ANY_OPERATOR;

    private final PointsQueries queries;

    PointsController(PointsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/points")
    @PreAuthorize(MEMBER_OR_OPERATOR)
    PointsResponse points(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String account) {
        String accountId = AccountToRead.of(jwt, account);
        PointsBalanceView balance = queries.balance(accountId).orElse(new PointsBalanceView(accountId, 0, 0, null));
        return new PointsResponse(
                balance.balance(),
                balance.wasInvited(),
                balance.completeProductCount(),
                queries.products(accountId).stream()
                        .map(p -> new PointsResponse.Product(p.productId(), p.modelCode(), p.points(), p.counted()))
                        .toList());
    }

    /**
     * MEMBER {@code GET /api/points/history}: every change of the balance, newest first, with its reason;
     * {@code registrationId} is the product (registration) whose points were counted or removed.
     */
    @GetMapping("/api/points/history")
    @PreAuthorize(MEMBER_OR_OPERATOR)
    List<HistoryItem> history(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String accountId) {
        return queries.history(AccountToRead.of(jwt, accountId)).stream()
                .map(h -> new HistoryItem(h.at(), h.change(), h.balance(), h.reason(), h.productId(), h.modelCode()))
                .toList();
    }

    /**
     * One change of the balance: {@code reason} is {@code PRODUCT_REGISTERED} (registered complete),
     * {@code PRODUCT_COMPLETED}, {@code PRODUCTS_MIGRATED} or {@code PRODUCT_DEREGISTERED}.
     */
    record HistoryItem(
            java.time.Instant at, int change, int balance, String reason, String registrationId, String modelCode) {}

    /**
     * {@code completeProductCount} is an addition to docs/api.md's {@code {balance, invited, products}}.
     *
     * @param invited the balance reached the invitation threshold at some point (the invitation is not withdrawn)
     */
    record PointsResponse(int balance, boolean invited, int completeProductCount, List<Product> products) {
        record Product(String productId, String modelCode, int points, boolean counted) {}
    }
}
