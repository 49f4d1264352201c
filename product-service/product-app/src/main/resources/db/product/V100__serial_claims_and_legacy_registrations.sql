-- Set validation of serial numbers: one row per claimed (model, normalised serial number), inserted in the same
-- transaction as the registration's events and deleted in the same transaction as its deregistration. The primary
-- key makes two concurrent claims of one serial number serialise in PostgreSQL: exactly one commits.
CREATE TABLE product_serial_claim (
    model_code  VARCHAR(100) NOT NULL,
    serial_key  VARCHAR(64)  NOT NULL,
    product_id  VARCHAR(64)  NOT NULL UNIQUE,
    account_id  VARCHAR(255) NOT NULL,
    claimed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (model_code, serial_key)
);

-- The imported export of the old CPS system (imported data, not a projection: it must survive and is not rebuilt
-- from events). One row per old e-mail, model and normalised serial number; content_hash identifies the line's
-- content, so importing the same file again changes nothing.
CREATE TABLE legacy_registration (
    legacy_email        VARCHAR(320) NOT NULL,
    model_code          VARCHAR(100) NOT NULL,
    serial_key          VARCHAR(64)  NOT NULL,
    serial_number       VARCHAR(64)  NOT NULL,
    purchase_date       DATE,
    country_of_purchase CHAR(2),
    dealer              VARCHAR(200),
    content_hash        CHAR(64)     NOT NULL,
    imported_seq        BIGSERIAL    NOT NULL,
    imported_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (legacy_email, model_code, serial_key)
);
