-- dialerd: seed for CampaignRunIT (src-it), on top of sql/schema.sql.
--
-- One active outgoing campaign on queue 8000 (context from-internal, 2 tries per number, at
-- most 8 channels at once) with 1,000 never-dialled calls, and ten dynamic agents SIP/1001..1010
-- (ECCP password "demo") in queue 8000. The first two digits of a phone number choose what the
-- test's dialplan context campaign-run does with it (CampaignRunIT.addCustomers):
--   61 answers after 1 s and talks 7 s       (70%: Success)
--   62 answers after 1 s and talks 2 s       ( 8%: ShortCall, dialer.llamada_corta = 4)
--   63 busy                                  ( 8%: Failure, cause 17)
--   64 rings until the originate times out   ( 6%: NoAnswer, dialer.timeout_originate = 4)
--   65 congestion                            ( 4%: Failure, cause 34)
--   66 rings 1 s, then rejects the call      ( 4%: Failure, cause 0)
-- The outcome cycles with the call id (id % 100), so every kind occurs all along the run; the
-- other five digits are the call id, so no two calls share a number.

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'); -- MD5('agentconsole')

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('dialer.llamada_corta', '4', NULL),
  ('dialer.timeout_originate', '4', NULL),
  ('dialer.tiempo_contestar', '2', NULL),
  ('dialer.predictivo', '0', NULL),
  ('dialer.overcommit', '0', NULL);

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
  (6, '8000', 0), (7, '8000', 0), (8, '8000', 0), (9, '8000', 0), (10, '8000', 0);

INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Campaign run', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 2, NULL, 'from-internal', '8000', 8, NULL, NULL, NULL,
   'Campaign run script.', 'A', NULL);

-- Calls 1..1000: ids from three digit tables.
INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled)
SELECT n, 1, CONCAT(CASE
                      WHEN n % 100 < 70 THEN '61'
                      WHEN n % 100 < 78 THEN '62'
                      WHEN n % 100 < 86 THEN '63'
                      WHEN n % 100 < 92 THEN '64'
                      WHEN n % 100 < 96 THEN '65'
                      ELSE '66'
                    END, LPAD(n, 5, '0')), NULL, 0, 0, 0
FROM (SELECT hundreds.d * 100 + tens.d * 10 + units.d + 1 AS n
      FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) hundreds
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) tens
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) units
     ) numbers;
