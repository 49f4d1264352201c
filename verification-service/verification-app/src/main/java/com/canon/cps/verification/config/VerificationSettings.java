package com.canon.cps.verification.config;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * verification-service settings ({@code cps.verification.*}); documents and registry have their own records.
 *
 * @param slaBusinessDays business days an application may take to verify
 * @param slaCutOff local time after which a submission counts from the next business day
 * @param autoApproveRegistryConfirmed approve a case automatically when the registry confirms its VAT ID
 * @param informationRequestTtl how long the link of an information-request e-mail works (business clock)
 * @param informationTokenKey server secret (at least 32 characters) the tokens of those links are derived with
 *     (HMAC-SHA256), from the environment ({@code CPS_VERIFICATION_INFORMATION_TOKEN_KEY}); when unset, a random key is
 *     made once and kept in the service's database (with a warning): production sets one
 */
@ConfigurationProperties("cps.verification")
public record VerificationSettings(
        @DefaultValue("2") int slaBusinessDays,
        @DefaultValue("17:00") LocalTime slaCutOff,
        @DefaultValue("true") boolean autoApproveRegistryConfirmed,
        @DefaultValue("14d") Duration informationRequestTtl,
        String informationTokenKey) {}
