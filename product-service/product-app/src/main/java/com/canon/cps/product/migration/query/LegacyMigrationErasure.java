package com.canon.cps.product.migration.query;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.product.migration.store.LegacyRegistrationStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the migration holds about an erased account outside the event store: the old CPS e-mail in its
 * {@code legacy_migrations} document (removed) and, when the member had proven that e-mail, the old system's
 * registrations imported under it ({@code legacy_registration}: e-mail, dealers; deleted). An e-mail only typed, never
 * proven, may be another business's: its import stays. Idempotent: a second run finds no e-mail.
 */
@Component
class LegacyMigrationErasure implements ErasureParticipant {

    private final MongoTemplate mongo;
    private final Projections projections;
    private final LegacyRegistrationStore legacy;

    LegacyMigrationErasure(MongoTemplate mongo, Projections projections, LegacyRegistrationStore legacy) {
        this.mongo = mongo;
        this.projections = projections;
        this.legacy = legacy;
    }

    @Override
    public void erase(String accountId) {
        String collection = projections.collection(LegacyMigrationView.class);
        LegacyMigrationView view = mongo.findById(accountId, LegacyMigrationView.class, collection);
        if (view == null) {
            return;
        }
        if (view.legacyEmail() != null && (view.confirmed() || view.completed())) {
            legacy.forgetEmail(view.legacyEmail());
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(accountId)), new Update().unset("legacyEmail"), collection);
    }
}
