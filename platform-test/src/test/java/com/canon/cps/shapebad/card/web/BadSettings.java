package com.canon.cps.shapebad.card.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Fixture (R3 violated): settings outside the config package. */
@ConfigurationProperties("bad")
public record BadSettings(String name) {}
