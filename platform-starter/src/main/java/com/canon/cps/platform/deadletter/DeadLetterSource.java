package com.canon.cps.platform.deadletter;

import java.util.List;
import java.util.Optional;

/**
 * One kind of dead letters of this service ({@link KafkaDeadLetters}: records parked on dead-letter topics; {@link
 * ProcessorDeadLetters}: events parked in Axon's dead-letter queue), behind the operations {@link DeadLetters} offers
 * operators. Each source knows its own letters' ids.
 */
interface DeadLetterSource {

    /** Whether {@code id} names a letter of this source (open or not). */
    boolean holds(String id);

    /** The gauge sources of this kind ({@code kafka:<topic>}, {@code processor:<group>}). */
    List<String> sources();

    /** Every open letter. */
    List<DeadLetter> open();

    /** An open letter with its payload and headers; empty when there is no such open letter. */
    Optional<DeadLetter> find(String id);

    /** Re-drives one open letter; empty when there is no such open letter. */
    Optional<RetryResult> retry(String id);

    /** Re-drives every letter open now; one result per letter that was open when it started. */
    List<RetryResult> retryAll();

    /**
     * Discards an open letter for good, recording who, when and why.
     *
     * @return false when there is no such open letter
     */
    boolean discard(String id, String by, String reason);

    /** Periodic work of the source besides listing (none by default). */
    default void maintain() {}
}
