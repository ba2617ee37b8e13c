-- dialerd: seed for ClosedWindowsIT (src-it), on top of sql/schema.sql.
--
-- Campaigns whose calls' own windows are closed now (dates relative to CURDATE(), so closed
-- whatever the time of day), each on its own queue:
--   1 'Closed windows'  queue 8002 (agent SIP/1001): 300 calls whose window opens the day after
--     tomorrow (ids 1..300, more than the dialer's 200-row read) and 5 calls without a window
--     (ids 301..305): the dialer must dial the last ones now.
--   2 'Windows gone'    queue 8003, no agent: 250 calls whose window's last date was yesterday
--     and 3 calls without a window: not finished (the calls without a window are left).
--   3 'Opens later'     queue 8003: 250 calls whose window opens the day after tomorrow only:
--     not finished (they can be dialled later).
--   9 'All gone'        queue 8003: 10 calls whose window's last date was yesterday: finished
--     ('T'); the last campaign of every round, so its 'T' tells the test a round went by.
-- Phones 61xxxxx ring for a minute of virtual time (the test never advances it).

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'); -- MD5('agentconsole')

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('dialer.llamada_corta', '0', NULL),
  ('dialer.tiempo_contestar', '2', NULL);

INSERT INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (1, 'SIP', '1001', 'SIP 1001', '1001', 'A', 'demo');

INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES (1, '8002', 0);

INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Closed windows', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8002', 0, NULL, NULL, NULL, 'Script.', 'A', NULL),
  (2, 'Windows gone', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8003', 0, NULL, NULL, NULL, 'Script.', 'A', NULL),
  (3, 'Opens later', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8003', 0, NULL, NULL, NULL, 'Script.', 'A', NULL),
  (9, 'All gone', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8003', 0, NULL, NULL, NULL, 'Script.', 'A', NULL);

INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, scheduled)
SELECT seq, 1, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, CURDATE() + INTERVAL 2 DAY, NULL, 0 FROM seq_1_to_300;
INSERT INTO calls (id, id_campaign, phone, retries, dnc, scheduled)
SELECT seq, 1, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, 0 FROM seq_301_to_305;

INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, scheduled)
SELECT seq, 2, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, NULL, CURDATE() - INTERVAL 1 DAY, 0 FROM seq_1001_to_1250;
INSERT INTO calls (id, id_campaign, phone, retries, dnc, scheduled)
SELECT seq, 2, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, 0 FROM seq_1251_to_1253;

INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, scheduled)
SELECT seq, 3, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, CURDATE() + INTERVAL 2 DAY, NULL, 0 FROM seq_2001_to_2250;

INSERT INTO calls (id, id_campaign, phone, retries, dnc, date_init, date_end, scheduled)
SELECT seq, 9, CONCAT('61', LPAD(seq, 5, '0')), 0, 0, NULL, CURDATE() - INTERVAL 1 DAY, 0 FROM seq_9001_to_9010;
