package com.canon.cps.shapegood.card.domain;

/** Fixture: the card's sealed event interface. */
public sealed interface CardEvent permits CardOpened {}
