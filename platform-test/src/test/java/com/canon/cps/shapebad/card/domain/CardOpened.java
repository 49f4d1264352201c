package com.canon.cps.shapebad.card.domain;

import org.axonframework.serialization.Revision;

/** Fixture: an internal event. */
@Revision("1")
public record CardOpened(String id) implements CardEvent {}
