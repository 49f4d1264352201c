package com.canon.cps.platform.deadletter;

import java.time.Instant;
import java.util.Map;

/**
 * An open dead letter as operators see it ({@code GET /admin/dead-letters/{id}}).
 *
 * @param id stable and URL-safe: {@code kafka-<topic>-<partition>-<offset>} or {@code processor-<identifier>}
 * @param source {@code kafka:<dead-letter topic>} or {@code processor:<processing group>}
 * @param key the record key (account id) or the sequence (aggregate id) the letter holds up
 * @param type {@code ce_type} of the record, or the event's payload type
 * @param error why it failed; for a processor letter that only waits behind an earlier one of its sequence, says so
 * @param attempts failed attempts: the consumer's deliveries or the processor's first try, plus failed re-drives
 * @param payload the JSON as text
 * @param headers the record's headers, or the event's identifiers and metadata
 */
public record DeadLetter(
        String id,
        String source,
        String key,
        String type,
        String error,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        String payload,
        Map<String, String> headers) {

    public Summary summary() {
        return new Summary(id, source, key, type, error, attempts, firstFailedAt, lastFailedAt);
    }

    /** A dead letter in the list ({@code GET /admin/dead-letters}): without payload and headers. */
    public record Summary(
            String id,
            String source,
            String key,
            String type,
            String error,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt) {}
}
