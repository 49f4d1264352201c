package com.canon.cps.points;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** points-service: the points ledger per account and the invitation threshold. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PointsServiceApplication {
    public static final String SERVICE = "points";

    public static void main(String[] args) {
        CpsApplication.run(PointsServiceApplication.class, SERVICE, args);
    }
}
