package com.canon.cps.product.registration.query;

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

/** Reads "My Products"; only ever by the account id of the member's token. */
@Component
public class ProductRegistrationQueries {

    private final MongoTemplate mongo;

    ProductRegistrationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every list is read by account: without the index each read would scan all registrations. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(ProductRegistrationView.COLLECTION)
                .createIndex(new Index().on("accountId", Sort.Direction.ASC).named("by_account"));
    }

    /** The account's current registrations, oldest first. */
    public List<ProductRegistrationView> forAccount(String accountId) {
        Query query = Query.query(Criteria.where("accountId")
                        .is(accountId)
                        .and("deregistered")
                        .is(false))
                .with(Sort.by("registeredAt", "_id"));
        return mongo.find(query, ProductRegistrationView.class);
    }

    /** One registration of the account; empty for another account's product, as if it did not exist. */
    public Optional<ProductRegistrationView> byId(String accountId, String productId) {
        return Optional.ofNullable(mongo.findById(productId, ProductRegistrationView.class))
                .filter(v -> v.accountId().equals(accountId) && !v.deregistered());
    }
}
