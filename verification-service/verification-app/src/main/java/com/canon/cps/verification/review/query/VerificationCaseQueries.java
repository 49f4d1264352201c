package com.canon.cps.verification.review.query;

import com.canon.cps.platform.projection.Projections;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The operators' queue: cases filtered by status and account, ordered by deadline. */
@Component
public class VerificationCaseQueries {

    private final MongoTemplate mongo;
    private final Projections projections;

    VerificationCaseQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    public List<VerificationCaseView> find(String status, String accountId) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        if (accountId != null) {
            query.addCriteria(Criteria.where("accountId").is(accountId));
        }
        query.with(Sort.by("deadline", "_id"));
        return mongo.find(query, VerificationCaseView.class, projections.collection(VerificationCaseView.class));
    }

    /**
     * The ids of every case of the account: its application's (which follows from the account id, whether or not the
     * case exists) and those of its changes of company details in the queue.
     */
    public Set<String> caseIdsOf(String accountId) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(VerificationCase.caseIdFor(accountId));
        Query query = Query.query(Criteria.where("accountId").is(accountId));
        query.fields().include("_id");
        mongo.find(query, Document.class, projections.collection(VerificationCaseView.class))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public Optional<VerificationCaseView> byId(String caseId) {
        return Optional.ofNullable(
                mongo.findById(caseId, VerificationCaseView.class, projections.collection(VerificationCaseView.class)));
    }
}
