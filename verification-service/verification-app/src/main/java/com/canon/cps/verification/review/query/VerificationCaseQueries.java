package com.canon.cps.verification.review.query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The operators' queue: cases filtered by status and account, ordered by deadline. */
@Component
public class VerificationCaseQueries {

    private final MongoTemplate mongo;

    VerificationCaseQueries(MongoTemplate mongo) {
        this.mongo = mongo;
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
        return mongo.find(query, VerificationCaseView.class);
    }

    public Optional<VerificationCaseView> byId(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, VerificationCaseView.class));
    }
}
