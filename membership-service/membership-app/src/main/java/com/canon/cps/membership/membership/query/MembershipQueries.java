package com.canon.cps.membership.membership.query;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads of the membership view (eventually consistent with the event store). */
@Component
public class MembershipQueries {

    private final MongoTemplate mongo;

    MembershipQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<MembershipView> byAccount(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, MembershipView.class));
    }
}
