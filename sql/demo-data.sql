-- dialerd: demo data for the call_center schema (sql/schema.sql).
--
-- Enough rows to exercise every ECCP request against the simulator or a real Asterisk:
-- ECCP client agentconsole/agentconsole, ten agents (ECCP password "demo"), breaks, an
-- active outgoing campaign on queue 8000 with 50 never-dialled calls, an active incoming
-- campaign on queue 8001, two forms covering every field type, contacts, finished calls
-- with form data and progress logs, and closed agent sessions. docs/database.md lists
-- the ids.
--
-- Dates are relative to CURDATE(): campaigns run from yesterday to a year from now, and
-- the history (finished calls, sessions, breaks) lies on the previous days, so it never
-- lies in the future whenever the demo is seeded.
--
-- Only INSERTs and session SETs: SchemaInstaller.seedDemoDataOnce runs this script in
-- one transaction together with its marker row (DDL would commit half of it). The break
-- 1 'Hold' row comes from schema.sql.

SET @yesterday = CURDATE() - INTERVAL 1 DAY;
SET @two_days_ago = CURDATE() - INTERVAL 2 DAY;

INSERT INTO eccp_authorized_clients (id, username, md5_password) VALUES
  (1, 'agentconsole', '7e53aa92f7566f44f39f3f1842832581'), -- MD5('agentconsole')
  (2, 'supervisor', '09348c20a019be0318387c08df7a783d'); -- MD5('supervisor')

-- 'supervisor' may listen to, whisper to and barge into agents' calls; 'agentconsole' may not.
INSERT INTO dialerd_supervisor (username) VALUES ('supervisor');

INSERT INTO valor_config (config_key, config_value, config_blob) VALUES
  ('asterisk.asthost', '127.0.0.1', NULL),
  ('asterisk.astuser', 'dialerd', NULL),
  ('asterisk.astpass', 'dialerd', NULL),
  ('dialer.llamada_corta', '10', NULL),
  ('dialer.tiempo_contestar', '8', NULL),
  ('dialer.qos', '0.97', NULL),
  ('dialer.predictivo', '1', NULL);

-- Agents: static Agent/9000..9004, dynamic SIP/1001..1005.
INSERT INTO agent (id, type, number, name, password, estatus, eccp_password) VALUES
  (1, 'Agent', '9000', 'Agent 9000', '9000', 'A', 'demo'),
  (2, 'Agent', '9001', 'Agent 9001', '9001', 'A', 'demo'),
  (3, 'Agent', '9002', 'Agent 9002', '9002', 'A', 'demo'),
  (4, 'Agent', '9003', 'Agent 9003', '9003', 'A', 'demo'),
  (5, 'Agent', '9004', 'Agent 9004', '9004', 'A', 'demo'),
  (6, 'SIP', '1001', 'SIP 1001', '1001', 'A', 'demo'),
  (7, 'SIP', '1002', 'SIP 1002', '1002', 'A', 'demo'),
  (8, 'SIP', '1003', 'SIP 1003', '1003', 'A', 'demo'),
  (9, 'SIP', '1004', 'SIP 1004', '1004', 'A', 'demo'),
  (10, 'SIP', '1005', 'SIP 1005', '1005', 'A', 'demo');

-- Queue membership (dialerd's own table): every agent in both queues.
INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES
  (1, '8000', 0), (2, '8000', 0), (3, '8000', 0), (4, '8000', 0), (5, '8000', 0),
  (6, '8000', 0), (7, '8000', 0), (8, '8000', 0), (9, '8000', 0), (10, '8000', 0),
  (1, '8001', 0), (2, '8001', 0), (3, '8001', 0), (4, '8001', 0), (5, '8001', 0),
  (6, '8001', 0), (7, '8001', 0), (8, '8001', 0), (9, '8001', 0), (10, '8001', 0);

-- Breaks (1 'Hold', tipo H, is the schema's seed row).
INSERT INTO `break` (id, name, description, status, tipo) VALUES
  (2, 'Lunch', 'Lunch break', 'A', 'B'),
  (3, 'Bathroom', 'Bathroom', 'A', 'B'),
  (4, 'Meeting', 'Meeting', 'A', 'B'),
  (5, 'Baño', 'Para ir al baño', 'A', 'B'),
  (6, 'Capacitación & reunión', 'Pausa desactivada', 'I', 'B');

INSERT INTO campaign_external_url (id, urltemplate, description, active, opentype) VALUES
  (1, 'http://crm.example.com/ficha.php?callid={__CALL_ID__}&agente={__AGENT_NUMBER__}', 'Ficha CRM', 1, 'window');

-- Forms. Form 1 (outgoing) has every field type; form 2 belongs to the incoming campaign.
INSERT INTO form (id, nombre, descripcion, estatus) VALUES
  (1, 'Encuesta de satisfacción', 'Preguntas & respuestas al cliente', 'A'),
  (2, 'Registro de reclamo', 'Datos del reclamo del cliente', 'A');

INSERT INTO form_field (id, id_form, etiqueta, value, tipo, orden) VALUES
  (1, 1, 'Nombre del cliente', '', 'TEXT', 1),
  (2, 1, 'Producto', 'Internet,Telefonía,Televisión', 'LIST', 2),
  (3, 1, 'Fecha de visita', '', 'DATE', 3),
  (4, 1, 'Comentarios', 'Sin comentarios', 'TEXTAREA', 4),
  (5, 1, 'Datos adicionales', '', 'LABEL', 5),
  (6, 1, 'Ciudad', 'Guayaquil', 'TEXT', 6),
  (7, 2, 'Número de cédula', '', 'TEXT', 1),
  (8, 2, 'Tipo de reclamo', 'Facturación,Servicio técnico,Otro', 'LIST', 2),
  (9, 2, 'Detalle', '', 'TEXTAREA', 3),
  (10, 2, 'Fecha del incidente', '', 'DATE', 4),
  (11, 2, 'Confirme los datos con el cliente', '', 'LABEL', 5);

-- Outgoing campaign 1 on queue 8000.
INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,
                      trunk, context, queue, max_canales, num_completadas, promedio, desviacion,
                      script, estatus, id_url) VALUES
  (1, 'Demo outgoing campaign', CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 2, NULL, 'from-internal', '8000', 0, NULL, NULL, NULL,
   'Hello, this is the outgoing demo script. Greet the customer by name and ask the survey questions.',
   'A', NULL);

INSERT INTO campaign_form (id_campaign, id_form) VALUES (1, 1);

-- Incoming queue 8001 and incoming campaign 1.
INSERT INTO queue_call_entry (id, queue, date_init, time_init, date_end, time_end, estatus, script) VALUES
  (1, '8001', CURDATE() - INTERVAL 1 DAY, '00:00:00', CURDATE() + INTERVAL 1 YEAR, '23:59:59', 'A',
   'Incoming queue script: thank the caller and ask for the ID number.');

INSERT INTO campaign_entry (id, name, id_queue_call_entry, id_form, datetime_init, datetime_end,
                            daytime_init, daytime_end, estatus, script, id_url) VALUES
  (1, 'Demo incoming campaign', 1, NULL, CURDATE() - INTERVAL 1 DAY, CURDATE() + INTERVAL 1 YEAR,
   '00:00:00', '23:59:59', 'A', 'Incoming campaign script: register the complaint in the form.', 1);

INSERT INTO campaign_form_entry (id_campaign, id_form) VALUES (1, 2);

-- Contacts for incoming calls; 1 and 2 share a phone number.
INSERT INTO contact (id, cedula_ruc, name, telefono, apellido, origen) VALUES
  (1, '0912345678', 'José', '042345678', 'Muñoz', 'crm'),
  (2, '0923456789', 'Ana María', '042345678', 'Peña & Cía', 'file'),
  (3, '0934567890', 'Luis', '0987654321', 'Andrade', 'crm');

-- Outgoing calls 1..50: never dialled, three attributes each.
INSERT INTO calls (id, id_campaign, phone, status, retries, dnc, scheduled) VALUES
  (1, 1, '5551000', NULL, 0, 0, 0),
  (2, 1, '5551001', NULL, 0, 0, 0),
  (3, 1, '5551002', NULL, 0, 0, 0),
  (4, 1, '5551003', NULL, 0, 0, 0),
  (5, 1, '5551004', NULL, 0, 0, 0),
  (6, 1, '5551005', NULL, 0, 0, 0),
  (7, 1, '5551006', NULL, 0, 0, 0),
  (8, 1, '5551007', NULL, 0, 0, 0),
  (9, 1, '5551008', NULL, 0, 0, 0),
  (10, 1, '5551009', NULL, 0, 0, 0),
  (11, 1, '5551010', NULL, 0, 0, 0),
  (12, 1, '5551011', NULL, 0, 0, 0),
  (13, 1, '5551012', NULL, 0, 0, 0),
  (14, 1, '5551013', NULL, 0, 0, 0),
  (15, 1, '5551014', NULL, 0, 0, 0),
  (16, 1, '5551015', NULL, 0, 0, 0),
  (17, 1, '5551016', NULL, 0, 0, 0),
  (18, 1, '5551017', NULL, 0, 0, 0),
  (19, 1, '5551018', NULL, 0, 0, 0),
  (20, 1, '5551019', NULL, 0, 0, 0),
  (21, 1, '5551020', NULL, 0, 0, 0),
  (22, 1, '5551021', NULL, 0, 0, 0),
  (23, 1, '5551022', NULL, 0, 0, 0),
  (24, 1, '5551023', NULL, 0, 0, 0),
  (25, 1, '5551024', NULL, 0, 0, 0),
  (26, 1, '5551025', NULL, 0, 0, 0),
  (27, 1, '5551026', NULL, 0, 0, 0),
  (28, 1, '5551027', NULL, 0, 0, 0),
  (29, 1, '5551028', NULL, 0, 0, 0),
  (30, 1, '5551029', NULL, 0, 0, 0),
  (31, 1, '5551030', NULL, 0, 0, 0),
  (32, 1, '5551031', NULL, 0, 0, 0),
  (33, 1, '5551032', NULL, 0, 0, 0),
  (34, 1, '5551033', NULL, 0, 0, 0),
  (35, 1, '5551034', NULL, 0, 0, 0),
  (36, 1, '5551035', NULL, 0, 0, 0),
  (37, 1, '5551036', NULL, 0, 0, 0),
  (38, 1, '5551037', NULL, 0, 0, 0),
  (39, 1, '5551038', NULL, 0, 0, 0),
  (40, 1, '5551039', NULL, 0, 0, 0),
  (41, 1, '5551040', NULL, 0, 0, 0),
  (42, 1, '5551041', NULL, 0, 0, 0),
  (43, 1, '5551042', NULL, 0, 0, 0),
  (44, 1, '5551043', NULL, 0, 0, 0),
  (45, 1, '5551044', NULL, 0, 0, 0),
  (46, 1, '5551045', NULL, 0, 0, 0),
  (47, 1, '5551046', NULL, 0, 0, 0),
  (48, 1, '5551047', NULL, 0, 0, 0),
  (49, 1, '5551048', NULL, 0, 0, 0),
  (50, 1, '5551049', NULL, 0, 0, 0);

INSERT INTO call_attribute (id, id_call, columna, value, column_number) VALUES
  (1, 1, 'Nombre', 'Zoila', 1),
  (2, 1, 'Apellido', 'Chacha Ñauta', 2),
  (3, 1, 'Ciudad', 'Guayaquil', 3),
  (4, 2, 'Nombre', 'Pedro', 1),
  (5, 2, 'Apellido', 'Pérez', 2),
  (6, 2, 'Ciudad', 'Quito', 3),
  (7, 3, 'Nombre', 'Carla', 1),
  (8, 3, 'Apellido', 'Gómez', 2),
  (9, 3, 'Ciudad', 'Cuenca', 3),
  (10, 4, 'Nombre', 'Luis', 1),
  (11, 4, 'Apellido', 'Andrade', 2),
  (12, 4, 'Ciudad', 'Manta', 3),
  (13, 5, 'Nombre', 'María', 1),
  (14, 5, 'Apellido', 'Muñoz', 2),
  (15, 5, 'Ciudad', 'Machala', 3),
  (16, 6, 'Nombre', 'José', 1),
  (17, 6, 'Apellido', 'Rodríguez', 2),
  (18, 6, 'Ciudad', 'Loja', 3),
  (19, 7, 'Nombre', 'Ana', 1),
  (20, 7, 'Apellido', 'Vera', 2),
  (21, 7, 'Ciudad', 'Ambato', 3),
  (22, 8, 'Nombre', 'Jorge', 1),
  (23, 8, 'Apellido', 'Salazar', 2),
  (24, 8, 'Ciudad', 'Portoviejo', 3),
  (25, 9, 'Nombre', 'Lucía', 1),
  (26, 9, 'Apellido', 'Torres', 2),
  (27, 9, 'Ciudad', 'Riobamba', 3),
  (28, 10, 'Nombre', 'Andrés', 1),
  (29, 10, 'Apellido', 'Castillo', 2),
  (30, 10, 'Ciudad', 'Esmeraldas', 3),
  (31, 11, 'Nombre', 'Sofía', 1),
  (32, 11, 'Apellido', 'Mendoza', 2),
  (33, 11, 'Ciudad', 'Guayaquil', 3),
  (34, 12, 'Nombre', 'Diego', 1),
  (35, 12, 'Apellido', 'Herrera', 2),
  (36, 12, 'Ciudad', 'Quito', 3),
  (37, 13, 'Nombre', 'Valeria', 1),
  (38, 13, 'Apellido', 'Ortiz', 2),
  (39, 13, 'Ciudad', 'Cuenca', 3),
  (40, 14, 'Nombre', 'Miguel', 1),
  (41, 14, 'Apellido', 'Romero', 2),
  (42, 14, 'Ciudad', 'Manta', 3),
  (43, 15, 'Nombre', 'Camila', 1),
  (44, 15, 'Apellido', 'Cedeño', 2),
  (45, 15, 'Ciudad', 'Machala', 3),
  (46, 16, 'Nombre', 'Fernando', 1),
  (47, 16, 'Apellido', 'Zambrano', 2),
  (48, 16, 'Ciudad', 'Loja', 3),
  (49, 17, 'Nombre', 'Paola', 1),
  (50, 17, 'Apellido', 'Vásquez', 2),
  (51, 17, 'Ciudad', 'Ambato', 3),
  (52, 18, 'Nombre', 'Ricardo', 1),
  (53, 18, 'Apellido', 'Jiménez', 2),
  (54, 18, 'Ciudad', 'Portoviejo', 3),
  (55, 19, 'Nombre', 'Daniela', 1),
  (56, 19, 'Apellido', 'Morales', 2),
  (57, 19, 'Ciudad', 'Riobamba', 3),
  (58, 20, 'Nombre', 'Esteban', 1),
  (59, 20, 'Apellido', 'Ramírez', 2),
  (60, 20, 'Ciudad', 'Esmeraldas', 3),
  (61, 21, 'Nombre', 'Gabriela', 1),
  (62, 21, 'Apellido', 'Espinoza', 2),
  (63, 21, 'Ciudad', 'Guayaquil', 3),
  (64, 22, 'Nombre', 'Hugo', 1),
  (65, 22, 'Apellido', 'León', 2),
  (66, 22, 'Ciudad', 'Quito', 3),
  (67, 23, 'Nombre', 'Isabel', 1),
  (68, 23, 'Apellido', 'Flores', 2),
  (69, 23, 'Ciudad', 'Cuenca', 3),
  (70, 24, 'Nombre', 'Javier', 1),
  (71, 24, 'Apellido', 'Suárez', 2),
  (72, 24, 'Ciudad', 'Manta', 3),
  (73, 25, 'Nombre', 'Karina', 1),
  (74, 25, 'Apellido', 'Cevallos', 2),
  (75, 25, 'Ciudad', 'Machala', 3),
  (76, 26, 'Nombre', 'Leonardo', 1),
  (77, 26, 'Apellido', 'Paredes', 2),
  (78, 26, 'Ciudad', 'Loja', 3),
  (79, 27, 'Nombre', 'Mónica', 1),
  (80, 27, 'Apellido', 'Navarrete', 2),
  (81, 27, 'Ciudad', 'Ambato', 3),
  (82, 28, 'Nombre', 'Nicolás', 1),
  (83, 28, 'Apellido', 'Benítez', 2),
  (84, 28, 'Ciudad', 'Portoviejo', 3),
  (85, 29, 'Nombre', 'Olga', 1),
  (86, 29, 'Apellido', 'Aguirre', 2),
  (87, 29, 'Ciudad', 'Riobamba', 3),
  (88, 30, 'Nombre', 'Pablo', 1),
  (89, 30, 'Apellido', 'Villacís', 2),
  (90, 30, 'Ciudad', 'Esmeraldas', 3),
  (91, 31, 'Nombre', 'Raquel', 1),
  (92, 31, 'Apellido', 'Peña', 2),
  (93, 31, 'Ciudad', 'Guayaquil', 3),
  (94, 32, 'Nombre', 'Santiago', 1),
  (95, 32, 'Apellido', 'Quiñónez', 2),
  (96, 32, 'Ciudad', 'Quito', 3),
  (97, 33, 'Nombre', 'Tatiana', 1),
  (98, 33, 'Apellido', 'Reyes', 2),
  (99, 33, 'Ciudad', 'Cuenca', 3),
  (100, 34, 'Nombre', 'Ulises', 1),
  (101, 34, 'Apellido', 'Sánchez', 2),
  (102, 34, 'Ciudad', 'Manta', 3),
  (103, 35, 'Nombre', 'Verónica', 1),
  (104, 35, 'Apellido', 'Tapia', 2),
  (105, 35, 'Ciudad', 'Machala', 3),
  (106, 36, 'Nombre', 'Wilson', 1),
  (107, 36, 'Apellido', 'Ubidia', 2),
  (108, 36, 'Ciudad', 'Loja', 3),
  (109, 37, 'Nombre', 'Ximena', 1),
  (110, 37, 'Apellido', 'Valencia', 2),
  (111, 37, 'Ciudad', 'Ambato', 3),
  (112, 38, 'Nombre', 'Yolanda', 1),
  (113, 38, 'Apellido', 'Wong', 2),
  (114, 38, 'Ciudad', 'Portoviejo', 3),
  (115, 39, 'Nombre', 'Zacarías', 1),
  (116, 39, 'Apellido', 'Yépez', 2),
  (117, 39, 'Ciudad', 'Riobamba', 3),
  (118, 40, 'Nombre', 'Adriana', 1),
  (119, 40, 'Apellido', 'Zúñiga', 2),
  (120, 40, 'Ciudad', 'Esmeraldas', 3),
  (121, 41, 'Nombre', 'Bruno', 1),
  (122, 41, 'Apellido', 'Alvarado', 2),
  (123, 41, 'Ciudad', 'Guayaquil', 3),
  (124, 42, 'Nombre', 'Cecilia', 1),
  (125, 42, 'Apellido', 'Bravo', 2),
  (126, 42, 'Ciudad', 'Quito', 3),
  (127, 43, 'Nombre', 'Darío', 1),
  (128, 43, 'Apellido', 'Coello', 2),
  (129, 43, 'Ciudad', 'Cuenca', 3),
  (130, 44, 'Nombre', 'Elena', 1),
  (131, 44, 'Apellido', 'Delgado', 2),
  (132, 44, 'Ciudad', 'Manta', 3),
  (133, 45, 'Nombre', 'Fabián', 1),
  (134, 45, 'Apellido', 'Estrada', 2),
  (135, 45, 'Ciudad', 'Machala', 3),
  (136, 46, 'Nombre', 'Gloria', 1),
  (137, 46, 'Apellido', 'Franco', 2),
  (138, 46, 'Ciudad', 'Loja', 3),
  (139, 47, 'Nombre', 'Héctor', 1),
  (140, 47, 'Apellido', 'García', 2),
  (141, 47, 'Ciudad', 'Ambato', 3),
  (142, 48, 'Nombre', 'Inés', 1),
  (143, 48, 'Apellido', 'Hidalgo', 2),
  (144, 48, 'Ciudad', 'Portoviejo', 3),
  (145, 49, 'Nombre', 'Julio', 1),
  (146, 49, 'Apellido', 'Iturralde', 2),
  (147, 49, 'Ciudad', 'Riobamba', 3),
  (148, 50, 'Nombre', 'Lorena', 1),
  (149, 50, 'Apellido', 'Jaramillo', 2),
  (150, 50, 'Ciudad', 'Esmeraldas', 3);

-- Finished outgoing calls, yesterday: 101 Success (Agent/9000, with form data), 102
-- NoAnswer, 103 Failure (busy), 104 ShortCall (SIP/1001). 102 and 103 have retries left.
INSERT INTO calls (id, id_campaign, phone, status, uniqueid, fecha_llamada, start_time, end_time,
                   retries, duration, id_agent, transfer, datetime_entry_queue, duration_wait, dnc,
                   failure_cause, failure_cause_txt, datetime_originate, trunk, scheduled) VALUES
  (101, 1, '5552001', 'Success', '1700000000.101', TIMESTAMP(@yesterday, '10:00:05'),
   TIMESTAMP(@yesterday, '10:00:08'), TIMESTAMP(@yesterday, '10:03:15'), 1, 187, 1, NULL,
   TIMESTAMP(@yesterday, '10:00:06'), 2, 0, NULL, NULL, TIMESTAMP(@yesterday, '10:00:00'), NULL, 0),
  (102, 1, '5552002', 'NoAnswer', '1700000600.102', TIMESTAMP(@yesterday, '10:10:30'),
   NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, TIMESTAMP(@yesterday, '10:10:00'), NULL, 0),
  (103, 1, '5552003', 'Failure', NULL, TIMESTAMP(@yesterday, '10:20:02'),
   NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, 0, 17, 'User busy', TIMESTAMP(@yesterday, '10:20:00'), NULL, 0),
  (104, 1, '5552004', 'ShortCall', '1700001800.104', TIMESTAMP(@yesterday, '10:30:04'),
   TIMESTAMP(@yesterday, '10:30:12'), TIMESTAMP(@yesterday, '10:30:17'), 1, 5, 6, NULL,
   TIMESTAMP(@yesterday, '10:30:05'), 7, 0, NULL, NULL, TIMESTAMP(@yesterday, '10:30:00'), NULL, 0);

INSERT INTO call_attribute (id, id_call, columna, value, column_number) VALUES
  (151, 101, 'Nombre', 'Zoila', 1),
  (152, 101, 'Apellido', 'Chacha Ñauta', 2),
  (153, 101, 'Ciudad', 'Cuenca', 3),
  (154, 104, 'Nombre', 'Carla', 1),
  (155, 104, 'Apellido', 'Gómez', 2),
  (156, 104, 'Ciudad', 'Quito', 3);

INSERT INTO form_data_recolected (id, id_calls, id_form_field, value) VALUES
  (1, 101, 1, 'Zoila Chacha'),
  (2, 101, 2, 'Internet'),
  (3, 101, 3, DATE_FORMAT(CURDATE() + INTERVAL 7 DAY, '%Y-%m-%d')),
  (4, 101, 4, 'Muy atento & rápido'),
  (5, 101, 6, 'Cuenca');

-- Incoming calls, yesterday: 1 finished (Agent/9000, caller shared by contacts 1 and 2, so
-- no contact chosen), 2 finished (SIP/1001, contact 3), 3 abandoned in the queue.
INSERT INTO call_entry (id, id_agent, id_queue_call_entry, id_contact, callerid, datetime_init,
                        datetime_end, duration, status, transfer, datetime_entry_queue,
                        duration_wait, uniqueid, id_campaign, trunk) VALUES
  (1, 1, 1, NULL, '042345678', TIMESTAMP(@yesterday, '09:20:04'), TIMESTAMP(@yesterday, '09:24:30'),
   266, 'terminada', NULL, TIMESTAMP(@yesterday, '09:20:00'), 4, '1700000000.201', 1, 'DAHDI/1'),
  (2, 6, 1, 3, '0987654321', TIMESTAMP(@yesterday, '11:45:18'), TIMESTAMP(@yesterday, '11:47:18'),
   120, 'terminada', NULL, TIMESTAMP(@yesterday, '11:45:00'), 18, '1700006300.202', 1, 'SIP/proveedor'),
  (3, NULL, 1, NULL, '0955555555', NULL, TIMESTAMP(@yesterday, '12:30:40'),
   NULL, 'abandonada', NULL, TIMESTAMP(@yesterday, '12:30:00'), 40, '1700009000.203', 1, 'DAHDI/2');

INSERT INTO form_data_recolected_entry (id, id_call_entry, id_form_field, value) VALUES
  (1, 1, 7, '0912345678'),
  (2, 1, 8, 'Facturación'),
  (3, 1, 9, 'Cobro duplicado & pidió devolución'),
  (4, 1, 10, DATE_FORMAT(CURDATE() - INTERVAL 3 DAY, '%Y-%m-%d')),
  (5, 2, 7, '0934567890'),
  (6, 2, 8, 'Servicio técnico'),
  (7, 2, 9, 'Sin señal desde el lunes');

-- Call progress: the life of outgoing 101 and of the failed 103, of incoming 1 (with a
-- hold) and of the abandoned incoming 3.
INSERT INTO call_progress_log (id, datetime_entry, id_campaign_incoming, id_call_incoming,
                               id_campaign_outgoing, id_call_outgoing, new_status, retry,
                               uniqueid, trunk, id_agent, duration) VALUES
  (1, TIMESTAMP(@yesterday, '10:00:00'), NULL, NULL, 1, 101, 'Placing', 1, NULL, NULL, NULL, NULL),
  (2, TIMESTAMP(@yesterday, '10:00:00'), NULL, NULL, 1, 101, 'Dialing', 1, NULL, NULL, NULL, NULL),
  (3, TIMESTAMP(@yesterday, '10:00:05'), NULL, NULL, 1, 101, 'Ringing', 1, '1700000000.101', NULL, NULL, NULL),
  (4, TIMESTAMP(@yesterday, '10:00:06'), NULL, NULL, 1, 101, 'OnQueue', 1, '1700000000.101', NULL, NULL, NULL),
  (5, TIMESTAMP(@yesterday, '10:00:08'), NULL, NULL, 1, 101, 'Success', 1, '1700000000.101', NULL, 1, NULL),
  (6, TIMESTAMP(@yesterday, '10:03:15'), NULL, NULL, 1, 101, 'Hangup', 1, '1700000000.101', NULL, 1, 187),
  (7, TIMESTAMP(@yesterday, '10:20:00'), NULL, NULL, 1, 103, 'Placing', 1, NULL, NULL, NULL, NULL),
  (8, TIMESTAMP(@yesterday, '10:20:00'), NULL, NULL, 1, 103, 'Dialing', 1, NULL, NULL, NULL, NULL),
  (9, TIMESTAMP(@yesterday, '10:20:02'), NULL, NULL, 1, 103, 'Failure', 1, NULL, NULL, NULL, NULL),
  (10, TIMESTAMP(@yesterday, '09:20:00'), 1, 1, NULL, NULL, 'OnQueue', 0, '1700000000.201', 'DAHDI/1', NULL, NULL),
  (11, TIMESTAMP(@yesterday, '09:20:04'), 1, 1, NULL, NULL, 'Success', 0, '1700000000.201', 'DAHDI/1', 1, NULL),
  (12, TIMESTAMP(@yesterday, '09:21:00'), 1, 1, NULL, NULL, 'OnHold', 0, '1700000000.201', 'DAHDI/1', 1, NULL),
  (13, TIMESTAMP(@yesterday, '09:22:00'), 1, 1, NULL, NULL, 'OffHold', 0, '1700000000.201', 'DAHDI/1', 1, NULL),
  (14, TIMESTAMP(@yesterday, '09:24:30'), 1, 1, NULL, NULL, 'Hangup', 0, '1700000000.201', 'DAHDI/1', 1, 266),
  (15, TIMESTAMP(@yesterday, '12:30:00'), 1, 3, NULL, NULL, 'OnQueue', 0, '1700009000.203', 'DAHDI/2', NULL, NULL),
  (16, TIMESTAMP(@yesterday, '12:30:40'), 1, 3, NULL, NULL, 'Abandoned', 0, '1700009000.203', 'DAHDI/2', NULL, NULL);

-- Agent activity (audit): closed login sessions (id_break NULL) and breaks. Agent/9000 on
-- the last two days (a lunch, a hold while on incoming call 1, a "Baño"), SIP/1001 and
-- Agent/9001 yesterday.
INSERT INTO audit (id, id_agent, id_break, datetime_init, datetime_end, duration, ext_parked) VALUES
  (1, 1, NULL, TIMESTAMP(@two_days_ago, '08:00:00'), TIMESTAMP(@two_days_ago, '12:00:00'), '04:00:00', NULL),
  (2, 1, NULL, TIMESTAMP(@yesterday, '08:00:00'), TIMESTAMP(@yesterday, '17:00:00'), '09:00:00', NULL),
  (3, 1, 1, TIMESTAMP(@yesterday, '09:21:00'), TIMESTAMP(@yesterday, '09:22:00'), '00:01:00', '71'),
  (4, 1, 2, TIMESTAMP(@yesterday, '12:00:00'), TIMESTAMP(@yesterday, '12:45:00'), '00:45:00', NULL),
  (5, 1, 5, TIMESTAMP(@yesterday, '15:00:00'), TIMESTAMP(@yesterday, '15:05:00'), '00:05:00', NULL),
  (6, 6, NULL, TIMESTAMP(@yesterday, '09:00:00'), TIMESTAMP(@yesterday, '13:00:00'), '04:00:00', NULL),
  (7, 6, 3, TIMESTAMP(@yesterday, '11:30:00'), TIMESTAMP(@yesterday, '11:40:00'), '00:10:00', NULL),
  (8, 2, NULL, TIMESTAMP(@yesterday, '08:15:00'), TIMESTAMP(@yesterday, '10:20:00'), '02:05:00', NULL);
