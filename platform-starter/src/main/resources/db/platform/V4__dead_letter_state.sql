-- Dead letters for operators (docs/adr/0010). A Kafka dead letter is an immutable record on
-- <topic>.<service>-service.dlt, so what happened to it since lives here: re-driven (RESOLVED), discarded with who,
-- when and why (DISCARDED), or still OPEN with the failures of its re-drives. Axon's own dead letters
-- (deadletterentry) disappear when processed or discarded; their outcome is recorded here too, as the audit trail.
CREATE TABLE dead_letter_state (
    letter_id        VARCHAR(400)  PRIMARY KEY, -- kafka-<topic>-<partition>-<offset> | processor-<deadletteridentifier>
    source           VARCHAR(400)  NOT NULL,    -- kafka:<topic> | processor:<name>
    status           VARCHAR(20)   NOT NULL,    -- OPEN | RESOLVED | DISCARDED
    message_id       VARCHAR(255),              -- ce_id, or the Axon event id
    message_type     VARCHAR(255),
    redrive_failures INT           NOT NULL DEFAULT 0,
    last_error       TEXT,
    last_failed_at   TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    discarded_by     VARCHAR(320),
    discarded_at     TIMESTAMPTZ,
    discard_reason   TEXT,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_state_status ON dead_letter_state (status);

-- Axon stores the failure's message as is; an exception message longer than 1023 characters would make the enqueue
-- itself fail and halt the processor the dead-letter queue is there to keep going.
ALTER TABLE deadletterentry ALTER COLUMN causemessage TYPE TEXT;
