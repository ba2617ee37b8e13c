-- dialerd: seed for CampaignSoakIT (src-it), on top of sql/schema.sql.
--
-- One active outgoing campaign on queue 8000 (2 tries per number, at most 60 channels at once,
-- overcommit on) with 90,000 never-dialled calls, an incoming queue 8001, ten dynamic agents
-- SIP/1001..1010 (ECCP password "demo") in both queues, and the break 2 'Lunch'. Most numbers
-- fail at once, so that the dialer places many calls with ten agents; the first two digits
-- choose what the test's dialplan context soak-customers does (CampaignSoakIT.addCustomers):
--   63 busy                                   (40%: Failure, cause 17)
--   65 congestion                             (25%: Failure, cause 34)
--   66 rings 1 s, then rejects the call       (10%: Failure, cause 0)
--   64 rings until the originate times out    ( 5%: NoAnswer, dialer.timeout_originate = 4)
--   61 answers after 1 s and talks 6 s        (14%: Success or Abandoned)
--   62 answers after 1 s and talks 2 s        ( 6%: ShortCall or Abandoned, dialer.llamada_corta = 4)
-- The outcome cycles with the call id (id % 100); the other five digits are the call id.

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'); -- MD5('agentconsole')

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('dialer.llamada_corta', '4', NULL),
  ('dialer.timeout_originate', '4', NULL),
  ('dialer.tiempo_contestar', '2', NULL),
  ('dialer.predictivo', '0', NULL),
  ('dialer.overcommit', '1', NULL);

INSERT INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (1, 'SIP', '1001', 'SIP 1001', '1001', 'A', 'demo'),
  (2, 'SIP', '1002', 'SIP 1002', '1002', 'A', 'demo'),
  (3, 'SIP', '1003', 'SIP 1003', '1003', 'A', 'demo'),
  (4, 'SIP', '1004', 'SIP 1004', '1004', 'A', 'demo'),
  (5, 'SIP', '1005', 'SIP 1005', '1005', 'A', 'demo'),
  (6, 'SIP', '1006', 'SIP 1006', '1006', 'A', 'demo'),
  (7, 'SIP', '1007', 'SIP 1007', '1007', 'A', 'demo'),
  (8, 'SIP', '1008', 'SIP 1008', '1008', 'A', 'demo'),
  (9, 'SIP', '1009', 'SIP 1009', '1009', 'A', 'demo'),
  (10, 'SIP', '1010', 'SIP 1010', '1010', 'A', 'demo');

INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES
  (1, '8000', 0), (2, '8000', 0), (3, '8000', 0), (4, '8000', 0), (5, '8000', 0),
  (6, '8000', 0), (7, '8000', 0), (8, '8000', 0), (9, '8000', 0), (10, '8000', 0),
  (1, '8001', 0), (2, '8001', 0), (3, '8001', 0), (4, '8001', 0), (5, '8001', 0),
  (6, '8001', 0), (7, '8001', 0), (8, '8001', 0), (9, '8001', 0), (10, '8001', 0);

INSERT INTO `break` (id, name, description, status, tipo) VALUES
  (2, 'Lunch', 'Lunch break', 'A', 'B');

INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Campaign soak', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 2, NULL, 'from-internal', '8000', 60, NULL, NULL, NULL,
   'Campaign soak script.', 'A', NULL);

INSERT INTO queue_call_entry (id, queue, date_init, time_init, date_end, time_end, estatus, script) VALUES
  (1, '8001', CURDATE() - INTERVAL 1 DAY, '00:00:00', CURDATE() + INTERVAL 1 YEAR, '23:59:59', 'A',
   'Incoming queue script.');

-- Calls 1..90000: ids from five digit tables.
INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled)
SELECT n, 1, CONCAT(CASE
                      WHEN n % 100 < 40 THEN '63'
                      WHEN n % 100 < 65 THEN '65'
                      WHEN n % 100 < 75 THEN '66'
                      WHEN n % 100 < 80 THEN '64'
                      WHEN n % 100 < 94 THEN '61'
                      ELSE '62'
                    END, LPAD(n, 5, '0')), NULL, 0, 0, 0
FROM (SELECT d5.d * 10000 + d4.d * 1000 + d3.d * 100 + d2.d * 10 + d1.d + 1 AS n
      FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) d5
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d4
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d3
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d2
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d1
     ) numbers;
