-- WrapupIT: 2 s of after-call work after calls from queue 8001; campaign 1 has 1 s of its own,
-- which wins over its queue 8000's 30 s. A wrap-up ends when dialerd's clock (in the tests the
-- PBX's virtual clock) reaches its end, so the tests move that clock; the engine's timer, on
-- real time, only decides when dialerd looks (WrapupControl), and short values keep that look
-- from being seconds of waiting (it was 4 s and 3 s).
INSERT INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 2), ('8000', 30);
INSERT INTO dialerd_campaign_options (id_campaign, wrapup_seconds) VALUES (1, 1);
