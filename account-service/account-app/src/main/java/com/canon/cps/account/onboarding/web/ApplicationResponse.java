package com.canon.cps.account.onboarding.web;

record ApplicationResponse(String accountId, String status) {}
