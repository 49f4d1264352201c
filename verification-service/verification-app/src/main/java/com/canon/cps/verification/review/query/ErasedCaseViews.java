package com.canon.cps.verification.review.query;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.platform.privacy.PersonalData;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23) in the operators' queue: the personal values of the account's cases
 * (company names, VAT IDs, the operator's words to the applicant) become {@code "[erased]"}, in every version of the
 * projection (the active one and one being rebuilt), exactly as a rebuild from the event store then reads them. The
 * cases themselves stay, with their ids, dates, status and registry answer: the queue and the audit trail still name
 * them.
 */
@Component
class ErasedCaseViews implements ErasureParticipant {

    /** The personal values of a case document; a missing or {@code null} one stays so. */
    static final List<String> PERSONAL_FIELDS =
            List.of("companyName", "vatId", "previousCompanyName", "previousVatId", "decision.reason");

    private static final Pattern VERSIONS =
            Pattern.compile(Pattern.quote(VerificationCaseView.COLLECTION) + "(_v[0-9]+)?");

    private final MongoTemplate mongo;

    ErasedCaseViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void erase(String accountId) {
        for (String collection : mongo.getCollectionNames()) {
            if (!VERSIONS.matcher(collection).matches()) {
                continue;
            }
            for (String field : PERSONAL_FIELDS) {
                mongo.updateMulti(
                        Query.query(Criteria.where("accountId")
                                .is(accountId)
                                .and(field)
                                .ne(null)),
                        new Update().set(field, PersonalData.ERASED),
                        collection);
            }
        }
    }
}
