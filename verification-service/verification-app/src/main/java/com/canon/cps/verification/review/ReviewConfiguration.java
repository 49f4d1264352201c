package com.canon.cps.verification.review;

import com.canon.cps.verification.VerificationSettings;
import com.canon.cps.verification.review.domain.ApprovalPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured approval policy, injected by Axon into the case's command handlers. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    ApprovalPolicy approvalPolicy(VerificationSettings settings) {
        return new ApprovalPolicy(settings.autoApproveRegistryConfirmed());
    }
}
