package com.canon.cps.account.onboarding.web;

public record ApplicationResponse(String accountId, String status) {}
