package com.canon.cps.platform.web;

import java.io.IOException;

/** A request body larger than the service accepts; answered with 413. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
