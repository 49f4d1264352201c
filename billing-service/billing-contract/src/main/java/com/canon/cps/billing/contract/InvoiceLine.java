package com.canon.cps.billing.contract;

import java.time.LocalDate;

/** One line of an invoice: the CPS tier for one term ({@code termStartsOn} to {@code termEndsOn}, both included). */
public record InvoiceLine(String description, String tier, LocalDate termStartsOn, LocalDate termEndsOn, Money net) {}
