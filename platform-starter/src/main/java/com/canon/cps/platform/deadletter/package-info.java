/**
 * Dead letters for operators (docs/adr/0010-dead-letters.md), in every service: the records its Kafka consumers
 * parked on their dead-letter topics and the events its projection processors parked in Axon's sequenced dead-letter
 * queue, listed, re-driven and discarded through {@code /admin/dead-letters}, and counted in
 * {@code cps.dead_letters.*}.
 *
 * <p>The rule for what is dead-lettered and what halts: a failure that only delays a read model or one inbound record
 * is parked and the rest goes on (Kafka consumers, pooled projection processors); a failure that would break an
 * ordering or completeness guarantee halts and retries instead (the {@code kafka-publisher} outbox processor) or rolls
 * back the work that caused it (subscribing policy processors).
 */
package com.canon.cps.platform.deadletter;
