-- dialerd: seed for DialModesIT (src-it), on top of sql/schema.sql.
--
-- Two active outgoing campaigns, each with its own queue and four dynamic agents (ECCP
-- password "demo"): campaign 1 dials in mode predictive into queue 8002 (agents SIP/1001..1004),
-- campaign 2 in mode progressive into queue 8003 (agents SIP/1005..1008). 300 never-dialled
-- calls each; the first two digits choose what the test's context dial-modes does:
--   61 answers after 1 s and talks 6 s       (60%)
--   63 busy                                  (40%: Failure, cause 17)

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'); -- MD5('agentconsole')

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('dialer.llamada_corta', '0', NULL),
  ('dialer.timeout_originate', '4', NULL),
  ('dialer.tiempo_contestar', '2', NULL);

INSERT INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (1, 'SIP', '1001', 'SIP 1001', '1001', 'A', 'demo'),
  (2, 'SIP', '1002', 'SIP 1002', '1002', 'A', 'demo'),
  (3, 'SIP', '1003', 'SIP 1003', '1003', 'A', 'demo'),
  (4, 'SIP', '1004', 'SIP 1004', '1004', 'A', 'demo'),
  (5, 'SIP', '1005', 'SIP 1005', '1005', 'A', 'demo'),
  (6, 'SIP', '1006', 'SIP 1006', '1006', 'A', 'demo'),
  (7, 'SIP', '1007', 'SIP 1007', '1007', 'A', 'demo'),
  (8, 'SIP', '1008', 'SIP 1008', '1008', 'A', 'demo');

INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES
  (1, '8002', 0), (2, '8002', 0), (3, '8002', 0), (4, '8002', 0),
  (5, '8003', 0), (6, '8003', 0), (7, '8003', 0), (8, '8003', 0);

INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Predictive', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8002', 0, NULL, NULL, NULL, 'Script.', 'A', NULL),
  (2, 'Progressive', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8003', 0, NULL, NULL, NULL, 'Script.', 'A', NULL);

INSERT INTO dialerd_campaign_options (id_campaign, dial_mode, abandon_target_pct, safe_harbour, wrapup_seconds)
VALUES (1, 'predictive', 3.00, NULL, 0), (2, 'progressive', 3.00, NULL, 0);

-- Calls 1..300 for campaign 1, 301..600 for campaign 2; the last five digits are the call id.
INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled)
SELECT n, CASE WHEN n <= 300 THEN 1 ELSE 2 END,
       CONCAT(CASE WHEN n % 10 < 6 THEN '61' ELSE '63' END, LPAD(n, 5, '0')), NULL, 0, 0, 0
FROM (SELECT hundreds.d * 100 + tens.d * 10 + units.d + 1 AS n
      FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5) hundreds
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) tens
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) units
     ) numbers;
