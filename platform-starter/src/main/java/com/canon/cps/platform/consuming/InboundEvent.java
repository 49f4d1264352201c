package com.canon.cps.platform.consuming;

import java.time.Instant;

/**
 * A contract event as received: the CloudEvents attributes from the record headers and the typed payload.
 *
 * @param id {@code ce_id}, the producer's event id: the deduplication key
 * @param type {@code ce_type}, e.g. {@code cps.account.AccountApplicationSubmitted.v1}
 * @param subject {@code ce_subject}, the account id (also the record key)
 */
public record InboundEvent<T>(String id, String type, String source, String subject, Instant time, T data) {}
