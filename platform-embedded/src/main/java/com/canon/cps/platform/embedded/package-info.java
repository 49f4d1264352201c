/**
 * Real infrastructure servers started from Maven artifacts, for integration tests and for the local launcher that
 * runs the whole platform in one JVM: PostgreSQL ({@link com.canon.cps.platform.embedded.EmbeddedPostgresServer}),
 * a Kafka KRaft broker ({@link com.canon.cps.platform.embedded.EmbeddedKafkaServer}), the MongoDB wire-protocol
 * substitute ({@link com.canon.cps.platform.embedded.EmbeddedMongoServer}) and an SMTP server that keeps what it
 * receives ({@link com.canon.cps.platform.embedded.EmbeddedSmtpServer}).
 *
 * <p>Nothing here is a mock: every server speaks its real protocol on a real TCP port, so the services connect to
 * them exactly as they connect to production infrastructure. This module has no Spring dependency; the launcher and
 * the tests pass the addresses on as ordinary Spring Boot properties.
 */
package com.canon.cps.platform.embedded;
