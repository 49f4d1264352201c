/** Typed settings ({@code cps.points.*}) and the wiring of the ledger: its threshold and its snapshot trigger. */
package com.canon.cps.points.config;
