package com.canon.cps.verification.review.config;

import com.canon.cps.verification.calendar.BusinessCalendar;
import com.canon.cps.verification.config.VerificationSettings;
import com.canon.cps.verification.review.domain.ApprovalPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured approval policy, injected by Axon into the case's command handlers, and the one SLA calendar: the
 * case's deadline and the decision date shown to applicants ({@code GET /api/verification/decision-due}) both come
 * from this bean, so they cannot differ.
 */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    ApprovalPolicy approvalPolicy(VerificationSettings settings) {
        return new ApprovalPolicy(settings.autoApproveRegistryConfirmed());
    }

    /** {@code sla-business-days} business days of the applicant's country, counted from before {@code sla-cut-off}. */
    @Bean
    BusinessCalendar slaCalendar(VerificationSettings settings) {
        return new BusinessCalendar(settings.slaBusinessDays(), settings.slaCutOff());
    }
}
