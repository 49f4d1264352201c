package com.canon.cps.points.ledger.domain;

/** The balance at which an account is invited to CPS (configurable; 500 by default). */
public record InvitationThreshold(int points) {}
