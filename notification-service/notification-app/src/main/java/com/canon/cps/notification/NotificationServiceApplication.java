package com.canon.cps.notification;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** notification-service: e-mails (DE/EN) and the in-app bell for every step of the journey. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {
    public static final String SERVICE = "notification";

    public static void main(String[] args) {
        CpsApplication.run(NotificationServiceApplication.class, SERVICE, args);
    }
}
