package com.canon.cps.shapegood.card.domain;

/** Fixture: the card's sealed event interface. */
sealed interface CardEvent permits CardOpened {}
