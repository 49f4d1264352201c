package com.canon.cps.membership.subscription.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.subscription.domain.MembershipInvited;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** An event stored under the feature's old package name ({@code membership.membership}) loads as today's record. */
class RenameMembershipPackageToSubscriptionUpcasterTest {

    /** A row of the event store as written before the rename. */
    private static final String STORED_TYPE = "com.canon.cps.membership.membership.domain.MembershipInvited";

    private static final String STORED_PAYLOAD =
            "{\"accountId\":\"acc-1\",\"points\":500,\"invitedAt\":\"2026-11-27T10:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
            .build();

    private List<IntermediateEventRepresentation> upcast(String storedType) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Membership",
                "acc-1",
                0,
                "event-1",
                Instant.parse("2026-11-27T10:00:01Z"),
                storedType,
                "1",
                STORED_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new RenameMembershipPackageToSubscriptionUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
    }

    @Test
    void anEventStoredUnderTheOldPackage_loadsAsTodaysRecord() {
        IntermediateEventRepresentation upcast = upcast(STORED_TYPE).get(0);

        assertThat(upcast.getType().getName()).isEqualTo(MembershipInvited.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        Object event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new MembershipInvited("acc-1", 500, Instant.parse("2026-11-27T10:00:00Z")));
    }

    @Test
    void anEventStoredUnderTheNewPackage_isLeftAlone() {
        assertThat(upcast(MembershipInvited.class.getName()).get(0).getType().getName())
                .isEqualTo(MembershipInvited.class.getName());
    }
}
