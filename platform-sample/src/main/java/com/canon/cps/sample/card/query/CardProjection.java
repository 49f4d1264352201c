package com.canon.cps.sample.card.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.sample.card.domain.AutoRenewalChanged;
import com.canon.cps.sample.card.domain.CardActivated;
import com.canon.cps.sample.card.domain.CardExpired;
import com.canon.cps.sample.card.domain.CardIssued;
import com.canon.cps.sample.card.domain.CardRenewed;
import com.canon.cps.sample.card.domain.CountryRecorded;
import com.canon.cps.sample.card.domain.PointsRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per account, every write guarded by the event's sequence number (replays change nothing). Writes set
 * only the fields an event decides, so the first event of an account may be any of them.
 */
@Component
@ProcessingGroup(CardView.COLLECTION)
@Projection(CardView.class)
class CardProjection {

    private final ProjectionWriter writer;

    CardProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(CountryRecorded e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("country", e.country()));
    }

    @EventHandler
    void on(PointsRecorded e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("points", e.balance()));
    }

    @EventHandler
    void on(CardIssued e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("status", "ISSUED").set("issuedAt", e.issuedAt()));
    }

    @EventHandler
    void on(CardActivated e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("status", "ACTIVE")
                        .set("tier", e.tier())
                        .set("cardNumber", e.cardNumber())
                        .set("startsOn", e.startsOn().toString())
                        .set("expiresOn", e.expiresOn().toString())
                        .set("autoRenew", e.autoRenew()));
    }

    @EventHandler
    void on(AutoRenewalChanged e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("autoRenew", e.autoRenew()));
    }

    @EventHandler
    void on(CardRenewed e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("tier", e.tier())
                        .set("startsOn", e.startsOn().toString())
                        .set("expiresOn", e.expiresOn().toString()));
    }

    @EventHandler
    void on(CardExpired e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("status", "EXPIRED"));
    }

    private void write(String accountId, long sequence, Update update) {
        writer.upsert(CardView.COLLECTION, accountId, sequence, update);
    }
}
