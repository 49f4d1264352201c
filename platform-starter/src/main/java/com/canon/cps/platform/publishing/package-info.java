/**
 * Publishing of contract events: the service's event store is the outbox (docs/adr/0003). Each service maps its
 * internal events to contract events ({@link com.canon.cps.platform.publishing.ContractEventMapper}); the platform
 * reads the store in order, sends CloudEvents records keyed by account to {@code cps.<service>.events} and moves its
 * position only past records the broker acknowledged, either reading the event table itself ({@code
 * cps.publisher.mode=table}, the default) or in an Axon processor ({@code processor}), docs/adr/0026.
 */
package com.canon.cps.platform.publishing;
