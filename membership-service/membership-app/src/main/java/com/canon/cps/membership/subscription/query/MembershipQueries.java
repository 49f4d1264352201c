package com.canon.cps.membership.subscription.query;

import com.canon.cps.platform.projection.Projections;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads of the membership view (eventually consistent with the event store). */
@Component
public class MembershipQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    MembershipQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public Optional<MembershipView> byAccount(String accountId) {
        return Optional.ofNullable(
                mongo.findById(accountId, MembershipView.class, projections.collection(MembershipView.class)));
    }
}
