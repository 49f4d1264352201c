package com.canon.cps.points.ledger.query;

import com.canon.cps.platform.projection.Projections;
import com.canon.cps.points.ledger.domain.ProductPointsCounted;
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

    /** One change of the balance, as the member's history lists it. */
    public record HistoryEntry(
            java.time.Instant at, int change, int balance, String reason, String productId, String modelCode) {}

    /**
     * Every change of the account's balance, newest first. A change recorded before reasons were (reason null) is
     * PRODUCT_COMPLETED when its product was tracked incomplete before, else PRODUCT_REGISTERED.
     */
    public List<HistoryEntry> history(String accountId) {
        List<PointsHistoryView> documents = mongo.find(
                Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by(Sort.Order.desc("sequence"))),
                PointsHistoryView.class,
                projections.collection(PointsHistoryView.class));
        java.util.Map<String, Long> trackedAt = new java.util.HashMap<>();
        documents.stream().filter(PointsHistoryView::tracked).forEach(d -> trackedAt.put(d.productId(), d.sequence()));
        return documents.stream()
                .filter(d -> !d.tracked())
                .map(d -> new HistoryEntry(
                        d.at(),
                        d.change(),
                        d.balance(),
                        d.reason() != null
                                ? d.reason()
                                : trackedAt.getOrDefault(d.productId(), Long.MAX_VALUE) < d.sequence()
                                        ? ProductPointsCounted.COMPLETED
                                        : ProductPointsCounted.REGISTERED,
                        d.productId(),
                        d.modelCode()))
                .toList();
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
