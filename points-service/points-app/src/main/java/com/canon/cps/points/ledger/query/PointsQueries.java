package com.canon.cps.points.ledger.query;

import com.canon.cps.platform.projection.Projections;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads an account's points; only ever by the account id of the member's token. */
@Component
public class PointsQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    PointsQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public Optional<PointsBalanceView> balance(String accountId) {
        return Optional.ofNullable(
                mongo.findById(accountId, PointsBalanceView.class, projections.collection(PointsBalanceView.class)));
    }

    /** The account's products in the ledger, deregistered ones left out. */
    public List<PointsProductView> products(String accountId) {
        return mongo.find(
                Query.query(Criteria.where("accountId")
                                .is(accountId)
                                .and("removed")
                                .is(false))
                        .with(Sort.by("_id")),
                PointsProductView.class,
                projections.collection(PointsProductView.class));
    }
}
