/**
 * The {@code PointsLedger} aggregate, its commands and internal events (sealed {@code LedgerEvent}), the state it
 * keeps per product and the invitation threshold it decides with. No Spring, Kafka, Mongo or Jackson here.
 */
package com.canon.cps.points.ledger.domain;
