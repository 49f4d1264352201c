package com.canon.cps.shapebad.card.domain;

/** Fixture (R4 violated): an event without @Revision, implementing no sealed interface. */
public record CardClosed(String id) {}
