package com.canon.cps.points.ledger.query;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads an account's points; only ever by the account id of the member's token. */
@Component
public class PointsQueries {

    private final MongoTemplate mongo;

    PointsQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Products are read by account: without the index each read would scan all accounts' products. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(PointsProductView.COLLECTION)
                .createIndex(new Index().on("accountId", Sort.Direction.ASC).named("by_account"));
    }

    public Optional<PointsBalanceView> balance(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, PointsBalanceView.class));
    }

    /** The account's products in the ledger, deregistered ones left out. */
    public List<PointsProductView> products(String accountId) {
        return mongo.find(
                Query.query(Criteria.where("accountId")
                                .is(accountId)
                                .and("removed")
                                .is(false))
                        .with(Sort.by("_id")),
                PointsProductView.class);
    }
}
