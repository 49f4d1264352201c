package com.canon.cps.sample.card.messaging;

import com.canon.cps.platform.publishing.ContractEventMapper;
import com.canon.cps.platform.publishing.OutboundEvent;
import com.canon.cps.sample.card.domain.AutoRenewalChanged;
import com.canon.cps.sample.card.domain.CardActivated;
import com.canon.cps.sample.card.domain.CardExpired;
import com.canon.cps.sample.card.domain.CardIssued;
import com.canon.cps.sample.card.domain.CardRenewed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Maps the card's internal events to the published contract on {@code cps.sample.events} (key = account id). The
 * recorded country and points stay inside.
 */
@Component
public class CardEventsPublisher implements ContractEventMapper {

    public static final String CARD_ISSUED = "com.canon.cps.sample.CardIssued";
    public static final String CARD_ACTIVATED = "com.canon.cps.sample.CardActivated";
    public static final String AUTO_RENEWAL_CHANGED = "com.canon.cps.sample.AutoRenewalChanged";
    public static final String CARD_RENEWED = "com.canon.cps.sample.CardRenewed";
    public static final String CARD_EXPIRED = "com.canon.cps.sample.CardExpired";

    @Override
    public Optional<OutboundEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CardIssued e) {
            return out(CARD_ISSUED, e.accountId(), new Issued(e.accountId(), e.points(), e.issuedAt()));
        }
        if (payload instanceof CardActivated e) {
            return out(
                    CARD_ACTIVATED,
                    e.accountId(),
                    new Activated(
                            e.accountId(),
                            e.cardNumber(),
                            e.tier(),
                            e.startsOn(),
                            e.expiresOn(),
                            e.autoRenew(),
                            e.activatedAt()));
        }
        if (payload instanceof AutoRenewalChanged e) {
            return out(
                    AUTO_RENEWAL_CHANGED,
                    e.accountId(),
                    new RenewalChanged(e.accountId(), e.cardNumber(), e.autoRenew(), e.changedAt()));
        }
        if (payload instanceof CardRenewed e) {
            return out(
                    CARD_RENEWED,
                    e.accountId(),
                    new Renewed(e.accountId(), e.cardNumber(), e.tier(), e.startsOn(), e.expiresOn(), e.renewedAt()));
        }
        if (payload instanceof CardExpired e) {
            return out(
                    CARD_EXPIRED,
                    e.accountId(),
                    new Expired(e.accountId(), e.cardNumber(), e.expiredOn(), e.expiredAt()));
        }
        return Optional.empty();
    }

    private static Optional<OutboundEvent> out(String type, String accountId, Object data) {
        return Optional.of(new OutboundEvent(type, accountId, data));
    }

    /** Published {@value #CARD_ISSUED}. */
    public record Issued(String accountId, int points, Instant issuedAt) {}

    /** Published {@value #CARD_ACTIVATED}. */
    public record Activated(
            String accountId,
            String cardNumber,
            String tier,
            LocalDate startsOn,
            LocalDate expiresOn,
            boolean autoRenew,
            Instant activatedAt) {}

    /** Published {@value #AUTO_RENEWAL_CHANGED}. */
    public record RenewalChanged(String accountId, String cardNumber, boolean autoRenew, Instant changedAt) {}

    /** Published {@value #CARD_RENEWED}. */
    public record Renewed(
            String accountId,
            String cardNumber,
            String tier,
            LocalDate startsOn,
            LocalDate expiresOn,
            Instant renewedAt) {}

    /** Published {@value #CARD_EXPIRED}. */
    public record Expired(String accountId, String cardNumber, LocalDate expiredOn, Instant expiredAt) {}
}
