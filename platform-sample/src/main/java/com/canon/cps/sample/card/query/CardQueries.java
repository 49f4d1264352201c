package com.canon.cps.sample.card.query;

import com.canon.cps.platform.projection.Projections;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads of the card view (eventually consistent with the event store). */
@Component
public class CardQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    CardQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public Optional<CardView> byAccount(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, CardView.class, projections.collection(CardView.class)));
    }
}
