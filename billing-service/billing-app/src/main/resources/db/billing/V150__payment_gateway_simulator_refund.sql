-- Refunds in the payment gateway SIMULATOR (the simulated outside party, see V110): a refund is an operation of its
-- own (operation REFUND, keyed by its idempotency key like the others) on an approved charge, named by the charge's
-- gateway reference; what is left of a charge is its amount less its approved refunds.
ALTER TABLE payment_gateway_simulator_operation ADD COLUMN charge_reference VARCHAR(64);
CREATE INDEX payment_gateway_simulator_operation_reference ON payment_gateway_simulator_operation (gateway_reference);
CREATE INDEX payment_gateway_simulator_operation_charge ON payment_gateway_simulator_operation (charge_reference);
