package com.canon.cps.account.application.domain;

public record PostalAddress(String line1, String postalCode, String city, String country) {}
