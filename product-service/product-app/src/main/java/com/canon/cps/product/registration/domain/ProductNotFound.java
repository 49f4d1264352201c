package com.canon.cps.product.registration.domain;

/**
 * The product is not a registration of the requesting account. Deliberately the same answer whether it belongs to
 * another account or does not exist, so that product ids of other accounts cannot be probed.
 */
public class ProductNotFound extends RuntimeException {
    public ProductNotFound(String productId) {
        super("No product " + productId + " in this account");
    }
}
