-- Failed logins per e-mail ("account:<email>") and per source address ("source:<ip>"), shared by all instances.
CREATE TABLE login_throttle (
    throttle_key      VARCHAR(400) PRIMARY KEY,
    failures          INT          NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL,
    locked_until      TIMESTAMPTZ
);
