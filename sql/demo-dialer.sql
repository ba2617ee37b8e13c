-- dialerd --demo: the dialer's features in the demo (docs/dialer.md).
--
-- Campaign 1 (outgoing, queue 8000): an answered call no agent takes within 2 s hears the
-- safe-harbour message, context demo-safe-harbour of the demo's simulated dialplan (it
-- answers, plays the message, waits 2 s and hangs up).
--
-- Campaign 2 'Demo preview campaign', dial_mode preview: each call is offered to a free agent
-- for 60 s and dialled only once the agent accepts it (previewcall, getagentstatus <preview>).
-- It has its own queue 8002 and its own agents SIP/1006 and SIP/1007 (ECCP password "demo",
-- members of 8002 only), so it never takes the agents of campaign 1 (queue 8000) or of the
-- incoming queue 8001, and their calls never reach these two. 20 numbers, 5553000-5553019,
-- which the demo's customers answer after 3 s. 10 s of wrap-up after each call.
--
-- The daemon's demo start runs this once, right after sql/demo-data.sql and
-- sql/demo-wrapup.sql (which gives campaign 1 its options row); the tests' demo databases do
-- not, unless a test names this script. Safe to run twice (INSERT IGNORE, UPDATE).
INSERT IGNORE INTO dialerd_campaign_options (id_campaign, wrapup_seconds) VALUES (1, 10);
UPDATE dialerd_campaign_options SET safe_harbour = 'demo-safe-harbour,s,1' WHERE id_campaign = 1;

INSERT IGNORE INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (11, 'SIP', '1006', 'SIP 1006', '1006', 'A', 'demo'),
  (12, 'SIP', '1007', 'SIP 1007', '1007', 'A', 'demo');
INSERT IGNORE INTO dialerd_queue_member (id_agent, queue, penalty) VALUES (11, '8002', 0), (12, '8002', 0);

INSERT IGNORE INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                             trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                             script, estatus, id_url) VALUES
  (2, 'Demo preview campaign', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 2, NULL, 'from-internal', '8002', 0, NULL, NULL, NULL,
   'Preview demo script: read the customer''s number and attributes, then accept or reject the call.',
   'A', NULL);
INSERT IGNORE INTO campaign_form (id_campaign, id_form) VALUES (2, 1);
INSERT IGNORE INTO dialerd_campaign_options (id_campaign, dial_mode, wrapup_seconds, preview_seconds)
  VALUES (2, 'preview', 10, 60);

INSERT IGNORE INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled) VALUES
  (201, 2, '5553000', NULL, 0, 0, 0), (202, 2, '5553001', NULL, 0, 0, 0), (203, 2, '5553002', NULL, 0, 0, 0),
  (204, 2, '5553003', NULL, 0, 0, 0), (205, 2, '5553004', NULL, 0, 0, 0), (206, 2, '5553005', NULL, 0, 0, 0),
  (207, 2, '5553006', NULL, 0, 0, 0), (208, 2, '5553007', NULL, 0, 0, 0), (209, 2, '5553008', NULL, 0, 0, 0),
  (210, 2, '5553009', NULL, 0, 0, 0), (211, 2, '5553010', NULL, 0, 0, 0), (212, 2, '5553011', NULL, 0, 0, 0),
  (213, 2, '5553012', NULL, 0, 0, 0), (214, 2, '5553013', NULL, 0, 0, 0), (215, 2, '5553014', NULL, 0, 0, 0),
  (216, 2, '5553015', NULL, 0, 0, 0), (217, 2, '5553016', NULL, 0, 0, 0), (218, 2, '5553017', NULL, 0, 0, 0),
  (219, 2, '5553018', NULL, 0, 0, 0), (220, 2, '5553019', NULL, 0, 0, 0);
