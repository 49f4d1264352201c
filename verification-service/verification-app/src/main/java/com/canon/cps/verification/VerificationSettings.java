package com.canon.cps.verification;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * verification-service settings ({@code cps.verification.*}); documents and registry have their own records.
 *
 * @param slaBusinessDays business days an application may take to verify
 * @param slaCutOff local time after which a submission counts from the next business day
 * @param autoApproveRegistryConfirmed approve a case automatically when the registry confirms its VAT ID
 */
@ConfigurationProperties("cps.verification")
public record VerificationSettings(
        @DefaultValue("2") int slaBusinessDays,
        @DefaultValue("17:00") LocalTime slaCutOff,
        @DefaultValue("true") boolean autoApproveRegistryConfirmed) {}
