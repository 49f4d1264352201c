/**
 * sample-service: a tiny service built on platform-starter (one aggregate, one projection, one publisher) that the
 * platform's integration tests and focused benchmarks run against, so they exercise the platform and no business
 * service.
 */
package com.canon.cps.sample;
