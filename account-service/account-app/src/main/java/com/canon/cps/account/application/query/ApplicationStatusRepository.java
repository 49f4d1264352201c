package com.canon.cps.account.application.query;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface ApplicationStatusRepository extends Repository<ApplicationStatusView, String> {
    Optional<ApplicationStatusView> findById(String accountId);
}
