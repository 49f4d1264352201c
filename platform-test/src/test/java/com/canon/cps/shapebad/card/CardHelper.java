package com.canon.cps.shapebad.card;

/** Fixture (R2 violated): a class at the root of a feature that has roles. */
public class CardHelper {}
