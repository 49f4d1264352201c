-- Password-reset links live beside the setup links: same token derivation and hash (ADR 5), same single use. The
-- purpose tells POST /api/accounts/password whether a token activates a verified account (SETUP) or replaces the
-- password of an active one (RESET).
ALTER TABLE password_setup_link ADD COLUMN purpose VARCHAR(8) NOT NULL DEFAULT 'SETUP';
