-- The W3C trace context of the work that scheduled a deadline, so that what the deadline causes stays in its trace.
ALTER TABLE scheduled_deadline ADD COLUMN traceparent VARCHAR(55);
