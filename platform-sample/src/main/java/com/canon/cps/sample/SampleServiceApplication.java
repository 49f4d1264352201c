package com.canon.cps.sample;

import com.canon.cps.platform.config.CpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** sample-service: the smallest service on platform-starter, for the platform's own tests and benchmarks. */
@SpringBootApplication
public class SampleServiceApplication {

    public static final String SERVICE = "sample";

    public static void main(String[] args) {
        CpsApplication.run(SampleServiceApplication.class, SERVICE, args);
    }
}
