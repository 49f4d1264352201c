package com.canon.cps.account;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** account-service: Business Account applications, password setup, login and token issuing. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccountServiceApplication {
    public static final String SERVICE = "account";

    public static void main(String[] args) {
        CpsApplication.run(AccountServiceApplication.class, SERVICE, args);
    }
}
