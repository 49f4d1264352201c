package com.canon.cps.account.onboarding.query;

import com.canon.cps.platform.projection.Projections;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads {@link MemberAccountView}s (the active version of the {@code member-accounts} projection). */
@Component
public class MemberAccountQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    MemberAccountQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public Optional<MemberAccountView> byId(String accountId) {
        return Optional.ofNullable(
                mongo.findById(accountId, MemberAccountView.class, projections.collection(MemberAccountView.class)));
    }
}
