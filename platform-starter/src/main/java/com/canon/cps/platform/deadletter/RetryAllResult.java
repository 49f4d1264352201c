package com.canon.cps.platform.deadletter;

/** What {@code POST /admin/dead-letters/retry-all} did with the letters open when it started. */
public record RetryAllResult(int attempted, int processed, int failed) {}
