package com.canon.cps.product;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** product-service: product catalogue, product registrations, serial uniqueness and legacy CPS migration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProductServiceApplication {
    public static final String SERVICE = "product";

    public static void main(String[] args) {
        CpsApplication.run(ProductServiceApplication.class, SERVICE, args);
    }
}
