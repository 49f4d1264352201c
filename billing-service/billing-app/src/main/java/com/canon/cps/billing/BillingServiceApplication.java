package com.canon.cps.billing;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** billing-service: invoices, payment methods, charges and payments. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingServiceApplication {
    public static final String SERVICE = "billing";

    public static void main(String[] args) {
        CpsApplication.run(BillingServiceApplication.class, SERVICE, args);
    }
}
