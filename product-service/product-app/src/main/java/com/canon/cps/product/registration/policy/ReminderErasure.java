package com.canon.cps.product.registration.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.product.registration.query.ProductRegistrationView;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * An erased account is reminded of nothing: the reminder deadlines of its registrations (as "My Products" lists them)
 * are cancelled, so no {@code ProductStillIncomplete} and no reminder e-mail follows. Idempotent.
 */
@Component
class ReminderErasure implements ErasureParticipant {

    private final MongoTemplate mongo;
    private final Projections projections;
    private final DeadlineScheduler deadlines;

    ReminderErasure(MongoTemplate mongo, Projections projections, DeadlineScheduler deadlines) {
        this.mongo = mongo;
        this.projections = projections;
        this.deadlines = deadlines;
    }

    @Override
    public void erase(String accountId) {
        Query ofAccount = Query.query(Criteria.where("accountId").is(accountId));
        ofAccount.fields().include("_id");
        mongo.find(ofAccount, Document.class, projections.collection(ProductRegistrationView.class))
                .forEach(product -> deadlines.cancel(ReminderDeadlines.INCOMPLETE + ":" + product.getString("_id")));
    }
}
