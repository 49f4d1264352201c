package com.canon.cps.product.registration.web;

import com.canon.cps.platform.security.AccountToRead;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.product.registration.query.ProductRegistrationQueries;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "My Products" for the signed-in member; the account is always the token's subject. Writes answer from the
 * command's result; lists are read from the projection (eventually consistent, usually within milliseconds).
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class ProductController {

    private final ProductRegistrations registrations;
    private final ProductRegistrationQueries queries;

    ProductController(ProductRegistrations registrations, ProductRegistrationQueries queries) {
        this.registrations = registrations;
        this.queries = queries;
    }

    @PostMapping("/api/products")
    ResponseEntity<ProductResponse> register(@AuthenticationPrincipal Jwt jwt, @RequestBody ProductRequest request) {
        ProductRequests.Registration r = ProductRequests.registration(request);
        ProductResponse created = ProductResponse.of(
                registrations.register(CurrentMember.accountId(jwt), r.modelCode(), r.serialNumber(), r.details()));
        return ResponseEntity.created(URI.create("/api/products/" + created.productId()))
                .body(created);
    }

    @PatchMapping("/api/products/{productId}")
    ProductResponse update(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String productId, @RequestBody ProductRequest request) {
        ProductRequests.Update u = ProductRequests.update(request);
        return ProductResponse.of(
                registrations.update(CurrentMember.accountId(jwt), productId(productId), u.change(), u.serialNumber()));
    }

    @DeleteMapping("/api/products/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deregister(@AuthenticationPrincipal Jwt jwt, @PathVariable String productId) {
        registrations.deregister(CurrentMember.accountId(jwt), productId(productId));
    }

    /**
     * The member's products; any operator (ADR 19) reads a member's with {@code ?accountId=} (the same answer, empty
     * for an unknown account). A member naming an {@code accountId} gets 403, an operator without one 400.
     */
    @GetMapping("/api/products")
    @PreAuthorize("hasRole('MEMBER') or " + OperatorAccess.ANY_OPERATOR)
    List<ProductResponse> products(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String accountId) {
        return queries.forAccount(AccountToRead.of(jwt, accountId)).stream()
                .map(ProductResponse::of)
                .toList();
    }

    @GetMapping("/api/products/{productId}")
    ProductResponse product(@AuthenticationPrincipal Jwt jwt, @PathVariable String productId) {
        return queries.byId(CurrentMember.accountId(jwt), productId(productId))
                .map(ProductResponse::of)
                .orElseThrow(() -> notFound(productId));
    }

    /**
     * Product ids are UUIDs; anything else is not a product, and is answered before it reaches the event store (where
     * it could name an aggregate of another kind).
     */
    private static String productId(String value) {
        try {
            return UUID.fromString(value).toString().equals(value) ? value : reject(value);
        } catch (IllegalArgumentException e) {
            return reject(value);
        }
    }

    private static String reject(String value) {
        throw notFound(value);
    }

    private static ApiProblem notFound(String productId) {
        return ApiProblem.notFound("No product " + productId + " in this account");
    }
}
