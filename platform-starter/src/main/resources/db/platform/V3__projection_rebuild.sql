-- Versioned projections and their rebuilds (docs/adr/0011). A projection's views live in one Mongo collection per
-- version (1 = the plain collection name, n > 1 = <collection>_v<n>); this row says which version serves reads.
-- Live projection batches read it FOR SHARE in their own transaction, and the switch to a rebuilt version updates it
-- FOR NO KEY UPDATE: no batch can write into the old version once the switch has committed.
CREATE TABLE projection_version (
    name           VARCHAR(200) PRIMARY KEY,
    active_version INT          NOT NULL DEFAULT 1,
    -- the highest version ever started; a new rebuild takes the next one, so no two rebuilds share a collection
    last_version   INT          NOT NULL DEFAULT 1
);

-- The latest rebuild of each projection. It survives restarts: the owner resumes from position/gaps (an Axon
-- GapAwareTrackingToken over domainevententry.globalindex); an owner whose heartbeat stops is replaced.
CREATE TABLE projection_rebuild (
    name         VARCHAR(200)  PRIMARY KEY,
    from_version INT           NOT NULL,
    to_version   INT           NOT NULL,
    status       VARCHAR(20)   NOT NULL, -- RUNNING | CAUGHT_UP | SWITCHED | CANCELLED | FAILED
    processed    BIGINT        NOT NULL DEFAULT 0,
    total        BIGINT        NOT NULL DEFAULT 0,
    position     BIGINT,                 -- global index of the last event applied, null before the first
    gaps         TEXT,                   -- global indexes below position not committed when they were passed
    owner        VARCHAR(255),
    heartbeat_at TIMESTAMPTZ,
    started_at   TIMESTAMPTZ   NOT NULL,
    finished_at  TIMESTAMPTZ,
    -- when the collections that became useless (old version after a switch, half-built one otherwise) were dropped
    cleaned_at   TIMESTAMPTZ,
    error        VARCHAR(1000),
    -- events per second the operator allowed the rebuild (to spare the databases), null = as fast as it goes
    max_rate     INT
);
