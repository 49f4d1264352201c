package com.canon.cps.account.operator;

import com.canon.cps.account.onboarding.query.MemberSearchQueries;
import com.canon.cps.account.onboarding.query.MemberSearchView;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any operator: {@code GET /api/operators/members?q=} finds members by account id, or by the start of their e-mail,
 * company name (or a word of it) or VAT ID, case-insensitive; at most {@value MemberSearchQueries#MAX_RESULTS}, by
 * company name. {@code q} needs 2 to 200 characters. The membership number is not searchable here: account-service
 * does not receive it (ADR 19).
 */
@RestController
@OperatorAccess.AnyOperator
class MemberSearchController {

    /** One match. */
    record Member(String accountId, String email, String companyName, String vatId, String country, String status) {

        static Member of(MemberSearchView view) {
            return new Member(
                    view.accountId(), view.email(), view.companyName(), view.vatId(), view.country(), view.status());
        }
    }

    private final MemberSearchQueries queries;

    MemberSearchController(MemberSearchQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/operators/members")
    List<Member> search(@RequestParam(required = false) String q) {
        if (q == null || q.strip().length() < 2 || q.strip().length() > 200) {
            throw ApiProblem.invalid("q", "must be 2 to 200 characters");
        }
        return queries.search(q).stream().map(Member::of).toList();
    }
}
