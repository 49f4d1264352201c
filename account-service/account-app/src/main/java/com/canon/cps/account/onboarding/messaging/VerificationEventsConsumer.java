package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.AccountVerificationRejected;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.CompanyChangeApproved;
import com.canon.cps.verification.contract.CompanyChangeRejected;
import com.canon.cps.verification.contract.VerificationInfoProvided;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events} (binding {@code verificationEvents-in-0}, derived from
 * {@code cps.consumes}): each verification outcome goes to its policy, those of applications and those of changes of
 * company details. Other types (e.g. SLA breaches) are ignored.
 * A policy whose command the account refuses (e.g. an approval for a rejected account) fails the record, which is
 * retried and then dead-lettered for an operator to look at.
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> verificationEvents(
            EventInbox inbox,
            WhenAccountVerifiedThenOpenAccount verified,
            WhenAccountVerificationRejectedThenRejectAccount rejected,
            WhenVerificationInfoRequestedThenRequestAccountInfo infoRequested,
            WhenVerificationInfoProvidedThenRecordIt infoProvided,
            WhenCompanyChangeApprovedThenApplyIt changeApproved,
            WhenCompanyChangeRejectedThenRejectIt changeRejected) {
        return inbox.consumer("verificationEvents")
                .on(AccountVerified.TYPE, AccountVerified.class, verified)
                .on(AccountVerificationRejected.TYPE, AccountVerificationRejected.class, rejected)
                .on(VerificationInfoRequestedV2.TYPE, VerificationInfoRequestedV2.class, infoRequested)
                .on(VerificationInfoProvided.TYPE, VerificationInfoProvided.class, infoProvided)
                .on(CompanyChangeApproved.TYPE, CompanyChangeApproved.class, changeApproved)
                .on(CompanyChangeRejected.TYPE, CompanyChangeRejected.class, changeRejected)
                .build();
    }
}
