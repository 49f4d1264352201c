package com.canon.cps.shapegood;

/** Fixture of CpsShapeRulesTest: the service's application class. */
public class ShapegoodApplication {}
