-- dialerd --demo: after-call work in the demo (docs/protocol.md, "Extensions").
--
-- 10 s of wrap-up after each call of the outgoing demo campaign 1 and of the incoming queue
-- 8001. The daemon's demo start runs this once, right after it seeded sql/demo-data.sql; the
-- tests' demo databases do not (their agents take call after call without wrap-up), unless a
-- test names this script.
INSERT IGNORE INTO dialerd_campaign_options (id_campaign, wrapup_seconds) VALUES (1, 10);
INSERT IGNORE INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 10);
