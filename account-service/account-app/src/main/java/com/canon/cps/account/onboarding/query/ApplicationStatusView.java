package com.canon.cps.account.onboarding.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(ApplicationStatusView.COLLECTION)
public record ApplicationStatusView(@Id String accountId, String status) {
    public static final String COLLECTION = "account_applications";
}
