/** Test support shared by every service: embedded infrastructure for Spring tests, tokens, Kafka clients. */
package com.canon.cps.platform.test;
