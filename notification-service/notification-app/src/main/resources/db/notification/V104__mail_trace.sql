-- The trace context of the work that queued an e-mail (W3C traceparent), so its sending is a span of that trace.
ALTER TABLE outbound_mail ADD COLUMN traceparent VARCHAR(55);
