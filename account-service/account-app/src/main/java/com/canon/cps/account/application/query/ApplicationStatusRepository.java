package com.canon.cps.account.application.query;

import org.springframework.data.repository.Repository;
import java.util.Optional;

public interface ApplicationStatusRepository extends Repository<ApplicationStatusView, String> {
    Optional<ApplicationStatusView> findById(String accountId);
}
