package com.canon.cps.product.registration.query;

import com.canon.cps.platform.projection.Projections;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads "My Products"; only ever by the account id of the member's token. */
@Component
public class ProductRegistrationQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    ProductRegistrationQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /** The account's current registrations, oldest first. */
    public List<ProductRegistrationView> forAccount(String accountId) {
        Query query = Query.query(Criteria.where("accountId")
                        .is(accountId)
                        .and("deregistered")
                        .is(false))
                .with(Sort.by("registeredAt", "_id"));
        return mongo.find(query, ProductRegistrationView.class, projections.collection(ProductRegistrationView.class));
    }

    /** One registration of the account; empty for another account's product, as if it did not exist. */
    public Optional<ProductRegistrationView> byId(String accountId, String productId) {
        return Optional.ofNullable(mongo.findById(
                        productId,
                        ProductRegistrationView.class,
                        projections.collection(ProductRegistrationView.class)))
                .filter(v -> v.accountId().equals(accountId) && !v.deregistered());
    }
}
