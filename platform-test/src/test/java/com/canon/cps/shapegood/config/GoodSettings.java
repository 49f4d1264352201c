package com.canon.cps.shapegood.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Fixture: settings where they belong. */
@ConfigurationProperties("good")
record GoodSettings(String name) {}
