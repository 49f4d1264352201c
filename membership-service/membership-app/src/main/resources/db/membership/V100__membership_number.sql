-- Membership numbers: 9 digits, unique, never reused. The sequence hands out each position once (nextval is never
-- rolled back, so a refused checkout burns its number rather than giving it to someone else); the application maps
-- a position to a number with a bijection on [100000000, 999999999], so numbers do not reveal how many members
-- there are. The claim table, written in the transaction of the checkout's events, makes a duplicate impossible
-- even if the sequence were ever reset.
CREATE SEQUENCE membership_number_seq MINVALUE 0 MAXVALUE 899999999 START WITH 0 NO CYCLE;

CREATE TABLE membership_number (
    membership_number CHAR(9)     PRIMARY KEY,
    account_id        VARCHAR(64) NOT NULL,
    allocated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX membership_number_account ON membership_number (account_id);
