-- Housekeeping deletes processed-event marks by age (dangjian.events.processed-retention).
CREATE INDEX processed_event_by_processed_at_idx ON processed_event (processed_at);
