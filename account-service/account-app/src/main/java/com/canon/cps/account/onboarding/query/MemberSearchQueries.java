package com.canon.cps.account.onboarding.query;

import com.canon.cps.platform.projection.Projections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The operators' member search over {@link MemberSearchView}: an account id exactly, else a prefix of the e-mail, of
 * the company name or one of its words, or of the VAT ID (with or without its country prefix), case-insensitive. Each
 * term is an anchored prefix on an indexed lower-case key, so the database reads index ranges only.
 */
@Component
public class MemberSearchQueries {

    /** At most this many matches. */
    public static final int MAX_RESULTS = 50;

    private final MongoTemplate mongo;
    private final Projections projections;

    MemberSearchQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /** The accounts matching {@code term} (already checked for length), by company name. */
    public List<MemberSearchView> search(String term) {
        String lower = term.strip().toLowerCase(Locale.ROOT);
        String prefix = "^" + Pattern.quote(lower);
        String vatPrefix = "^" + Pattern.quote(vatKey(term));
        Query query = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("_id").is(term.strip()),
                                Criteria.where("emailKey").regex(prefix),
                                Criteria.where("companyKeys").regex(prefix),
                                Criteria.where("vatKeys").regex(vatPrefix)))
                .with(Sort.by("companyName", "_id"))
                .limit(MAX_RESULTS);
        return mongo.find(query, MemberSearchView.class, projections.collection(MemberSearchView.class));
    }

    /** A VAT ID as the search keys hold it: lower-case, without spaces, dots or dashes. */
    static String vatKey(String vatId) {
        return vatId.toLowerCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
    }
}
