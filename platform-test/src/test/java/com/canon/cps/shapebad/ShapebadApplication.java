package com.canon.cps.shapebad;

/** Fixture of CpsShapeRulesTest: the service's application class. */
public class ShapebadApplication {}
