package com.canon.cps.product.registration.domain;

/** Purchase details the registration refuses (a future date, an estimate without a value); nothing is recorded. */
public class InvalidProductDetails extends RuntimeException {

    private final String field;

    public InvalidProductDetails(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the problem is about. */
    public String field() {
        return field;
    }
}
