package com.canon.cps.verification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence document settings ({@code cps.verification.documents.*}).
 *
 * @param maxSize largest accepted file; enforced exactly by the upload endpoint (keep
 *     {@code spring.servlet.multipart.max-file-size} a little above it, so that the servlet container does not refuse
 *     first)
 * @param purgeUnreferencedAfter how long a document no application refers to is kept after its upload
 */
@ConfigurationProperties("cps.verification.documents")
public record DocumentSettings(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("P1D") Duration purgeUnreferencedAfter) {}
