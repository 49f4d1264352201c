package com.canon.cps.membership;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** membership-service: invitation, tiers, checkout, membership number, renewal and expiry. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MembershipServiceApplication {
    public static final String SERVICE = "membership";

    public static void main(String[] args) {
        CpsApplication.run(MembershipServiceApplication.class, SERVICE, args);
    }
}
