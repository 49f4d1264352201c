package com.canon.cps.platform.publishing;

import java.util.Objects;

/**
 * A contract event ready for the wire.
 *
 * @param type the {@code ce_type}: {@code cps.<service>.<Name>.v<N>}, e.g. {@code cps.account.AccountApplicationSubmitted.v1}
 * @param subject the account id: Kafka key and {@code ce_subject}, so one account's events stay in order
 * @param data the contract record, serialized as JSON
 */
public record OutboundEvent(String type, String subject, Object data) {
    public OutboundEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }
}
