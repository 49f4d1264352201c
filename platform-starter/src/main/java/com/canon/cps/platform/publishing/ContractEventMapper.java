package com.canon.cps.platform.publishing;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;

/**
 * Maps a service's internal events to its published contract events. Internal events that are not published map
 * to empty. Each service declares one bean of this type; the platform publisher does the rest.
 */
@FunctionalInterface
public interface ContractEventMapper {
    Optional<OutboundEvent> map(EventMessage<?> event);
}
