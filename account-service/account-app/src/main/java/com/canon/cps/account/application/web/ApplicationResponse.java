package com.canon.cps.account.application.web;

public record ApplicationResponse(String accountId, String status) {}
