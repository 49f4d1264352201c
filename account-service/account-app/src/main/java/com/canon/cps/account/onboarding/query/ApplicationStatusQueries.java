package com.canon.cps.account.onboarding.query;

import com.canon.cps.platform.projection.Projections;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads {@link ApplicationStatusView}s (the active version of the {@code account-applications} projection). */
@Component
public class ApplicationStatusQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    ApplicationStatusQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public Optional<ApplicationStatusView> byId(String accountId) {
        return Optional.ofNullable(mongo.findById(
                accountId, ApplicationStatusView.class, projections.collection(ApplicationStatusView.class)));
    }
}
