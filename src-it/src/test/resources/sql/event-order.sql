-- dialerd: seed for EventOrderIT and ShortCallIT (src-it), on top of sql/schema.sql.
--
-- One dynamic agent SIP/1001 (ECCP password "demo") in the outgoing campaign queue 8000 and the
-- monitored incoming queue 8001; one break besides the schema's Hold. Outgoing campaign 1
-- (context from-internal, one try per number) with scripted numbers, run by the tests' dialplan
-- context order-customers:
--   call 1  7100006  answers after 1 s, talks 6 s        (Success)
--   call 2  7300000  busy                                (Failure, cause 17)
--   call 3  7100002  answers after 1 s, talks 2 s        (ShortCall: dialer.llamada_corta = 4)
--   call 4  7100030  answers after 1 s, talks 30 s       (transferred by the agent in ShortCallIT)
-- Each test marks the calls it does not use dnc = 1 before the agent logs in.

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'); -- MD5('agentconsole')

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('dialer.llamada_corta', '4', NULL),
  ('dialer.tiempo_contestar', '2', NULL),
  ('dialer.predictivo', '0', NULL),
  ('dialer.overcommit', '0', NULL);

INSERT INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (1, 'SIP', '1001', 'SIP 1001', '1001', 'A', 'demo');

INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES
  (1, '8000', 0), (1, '8001', 0);

INSERT INTO `break` (id, name, description, status, tipo) VALUES
  (2, 'Lunch', 'Lunch break', 'A', 'B');

INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Event order', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8000', 0, NULL, NULL, NULL,
   'Event order script.', 'A', NULL);

INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled) VALUES
  (1, 1, '7100006', NULL, 0, 0, 0),
  (2, 1, '7300000', NULL, 0, 0, 0),
  (3, 1, '7100002', NULL, 0, 0, 0),
  (4, 1, '7100030', NULL, 0, 0, 0);

INSERT INTO queue_call_entry (id, queue, date_init, time_init, date_end, time_end, estatus, script) VALUES
  (1, '8001', CURDATE() - INTERVAL 1 DAY, '00:00:00', CURDATE() + INTERVAL 1 YEAR, '23:59:59', 'A',
   'Incoming queue script.');
