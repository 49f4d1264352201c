package com.canon.cps.product.registration.query;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.projection.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "My Products" of an erased account is anonymised, not deleted: the dealer the member typed (the only personal datum
 * of a registration) becomes {@code "[erased]"}, exactly what a rebuild from the event store now produces, while model,
 * serial number and points stay under the account's pseudonymous id, as they do in the event store, the serial claims
 * and points-service's ledger (so operators can still tell who holds a serial number). Idempotent.
 */
@Component
class ProductRegistrationErasure implements ErasureParticipant {

    private final MongoTemplate mongo;
    private final Projections projections;

    ProductRegistrationErasure(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    @Override
    public void erase(String accountId) {
        mongo.updateMulti(
                Query.query(
                        Criteria.where("accountId").is(accountId).and("dealer").ne(null)),
                Update.update("dealer", PersonalData.ERASED),
                projections.collection(ProductRegistrationView.class));
    }
}
