-- A member's classification that reaches the statistics before the registration it belongs to
-- (published in one transaction, the two can arrive in either order after an outage) waits in
-- stat_seen as its JSON (≈ 250 characters): VARCHAR(60) refused it and sent the batch to the DLT.
ALTER TABLE stat_seen MODIFY val VARCHAR(1000) NULL;
