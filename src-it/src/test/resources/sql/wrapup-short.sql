-- WrapupIT: 4 s of after-call work after calls from queue 8001; campaign 1 has 3 s of its own,
-- which wins over its queue 8000's 30 s.
INSERT INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 4), ('8000', 30);
INSERT INTO dialerd_campaign_options (id_campaign, wrapup_seconds) VALUES (1, 3);
