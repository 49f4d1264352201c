package com.canon.cps.account.application.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Reads {@link MemberAccountView}s; written only by {@code MemberAccountProjection}. */
public interface MemberAccountRepository extends Repository<MemberAccountView, String> {
    Optional<MemberAccountView> findById(String accountId);
}
