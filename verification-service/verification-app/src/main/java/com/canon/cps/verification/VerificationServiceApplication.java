package com.canon.cps.verification;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** verification-service: evidence documents, VAT ID checks, the review queue and its SLA. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerificationServiceApplication {
    public static final String SERVICE = "verification";

    public static void main(String[] args) {
        CpsApplication.run(VerificationServiceApplication.class, SERVICE, args);
    }
}
