-- What the VAT rule needs to know about each buyer, for the price preview before checkout (the same facts
-- billing-service keeps in its buyer tables and invoices by): from account-service's AccountApplicationSubmitted
-- (country, VAT-liable, VAT ID) and verification-service's AccountVerified (the VAT ID a registry confirmed). Written in
-- the consumer's inbox transaction; the two events come on different topics in either order, so each sets its own
-- columns.
CREATE TABLE vat_buyer (
    account_id       VARCHAR(64) PRIMARY KEY,
    country          VARCHAR(2),
    vat_liable       BOOLEAN,
    vat_id           VARCHAR(32),
    confirmed_vat_id VARCHAR(32)
);
