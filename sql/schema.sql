-- dialerd: the call_center schema.
--
-- Creates every table of the classic Issabel/Elastix CallCenter `call_center` database
-- (shared/spec/call-center-schema.md) with the same names, columns, types, defaults and
-- keys, plus dialerd's own additions listed in docs/database.md. The script is
-- idempotent: it only creates what is missing, so it runs safely at every start against
-- a fresh database or one that the Issabel web UI has been using for years.
--
-- The caller selects the database (no USE here). Tables are created in foreign-key
-- dependency order so that the script also runs with FOREIGN_KEY_CHECKS=1.

SET NAMES utf8mb4;

-- Level 0: tables that reference nothing.

CREATE TABLE IF NOT EXISTS `agent` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  -- dialerd addition: 'PJSIP' (newer Issabel installs have it too)
  `type` enum('Agent','SIP','IAX2','PJSIP') NOT NULL DEFAULT 'Agent',
  `number` varchar(40) NOT NULL,
  `name` varchar(250) NOT NULL,
  `password` varchar(250) NOT NULL,
  `estatus` enum('A','I') DEFAULT 'A',
  `eccp_password` varchar(128) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `agent_type` (`estatus`,`type`,`number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `break` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(250) NOT NULL,
  `description` varchar(250) DEFAULT NULL,
  `status` varchar(1) NOT NULL DEFAULT 'A',
  `tipo` enum('B','H') DEFAULT 'B',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `campaign_external_url` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `urltemplate` varchar(250) NOT NULL,
  `description` varchar(64) NOT NULL,
  `active` tinyint(1) NOT NULL DEFAULT '1',
  `opentype` varchar(16) NOT NULL DEFAULT 'window',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `contact` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `cedula_ruc` varchar(15) NOT NULL,
  `name` varchar(50) NOT NULL,
  `telefono` varchar(15) NOT NULL,
  `apellido` varchar(50) NOT NULL,
  `origen` varchar(4) DEFAULT 'crm',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `dont_call` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `caller_id` varchar(15) NOT NULL,
  `date_income` datetime DEFAULT NULL,
  `status` varchar(1) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `callerid` (`caller_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `eccp_authorized_clients` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL,
  `md5_password` varchar(32) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `form` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `nombre` varchar(40) NOT NULL,
  `descripcion` varchar(150) NOT NULL,
  `estatus` varchar(1) NOT NULL DEFAULT 'A',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `queue_call_entry` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `queue` varchar(50) DEFAULT NULL,
  `date_init` date DEFAULT NULL,
  `time_init` time DEFAULT NULL,
  `date_end` date DEFAULT NULL,
  `time_end` time DEFAULT NULL,
  `estatus` varchar(1) NOT NULL DEFAULT 'A',
  `script` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `valor_config` (
  `config_key` varchar(32) NOT NULL,
  `config_value` varchar(128) NOT NULL,
  `config_blob` blob,
  PRIMARY KEY (`config_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Level 1

CREATE TABLE IF NOT EXISTS `audit` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_agent` int(10) unsigned NOT NULL,
  `id_break` int(10) unsigned DEFAULT NULL,
  `datetime_init` datetime NOT NULL,
  `datetime_end` datetime DEFAULT NULL,
  `duration` time DEFAULT NULL,
  `ext_parked` varchar(10) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `id_agent` (`id_agent`),
  KEY `id_break` (`id_break`),
  KEY `agent_break_datetime` (`id_agent`,`id_break`,`datetime_init`),
  CONSTRAINT `audit_ibfk_1` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`),
  CONSTRAINT `audit_ibfk_2` FOREIGN KEY (`id_break`) REFERENCES `break` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `campaign` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL,
  `datetime_init` date NOT NULL,
  `datetime_end` date NOT NULL,
  `daytime_init` time NOT NULL,
  `daytime_end` time NOT NULL,
  `retries` int(10) unsigned NOT NULL DEFAULT '1',
  `trunk` varchar(255) DEFAULT NULL,
  `context` varchar(32) NOT NULL,
  `queue` varchar(16) NOT NULL,
  `max_canales` int(10) unsigned NOT NULL DEFAULT '0',
  `num_completadas` int(10) unsigned DEFAULT NULL,
  `promedio` int(10) unsigned DEFAULT NULL,
  `desviacion` int(10) unsigned DEFAULT NULL,
  `script` text NOT NULL,
  `estatus` varchar(1) NOT NULL DEFAULT 'A',
  `id_url` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `id_url` (`id_url`),
  CONSTRAINT `campaign_ibfk_1` FOREIGN KEY (`id_url`) REFERENCES `campaign_external_url` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `campaign_entry` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(64) NOT NULL DEFAULT '',
  `id_queue_call_entry` int(10) unsigned NOT NULL,
  `id_form` int(10) unsigned DEFAULT NULL,
  `datetime_init` date NOT NULL,
  `datetime_end` date NOT NULL,
  `daytime_init` time NOT NULL,
  `daytime_end` time NOT NULL,
  `estatus` varchar(1) NOT NULL DEFAULT 'A',
  `script` text NOT NULL,
  `id_url` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `id_queue_call_entry` (`id_queue_call_entry`),
  KEY `id_form` (`id_form`),
  KEY `id_url` (`id_url`),
  CONSTRAINT `campaign_entry_ibfk_1` FOREIGN KEY (`id_queue_call_entry`) REFERENCES `queue_call_entry` (`id`),
  CONSTRAINT `campaign_entry_ibfk_2` FOREIGN KEY (`id_form`) REFERENCES `form` (`id`),
  CONSTRAINT `campaign_entry_ibfk_3` FOREIGN KEY (`id_url`) REFERENCES `campaign_external_url` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `form_field` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_form` int(10) unsigned NOT NULL,
  `etiqueta` text NOT NULL,
  `value` text NOT NULL,
  `tipo` varchar(25) NOT NULL,
  `orden` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id`),
  KEY `id_form` (`id_form`),
  CONSTRAINT `form_field_ibfk_1` FOREIGN KEY (`id_form`) REFERENCES `form` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Level 2

CREATE TABLE IF NOT EXISTS `calls` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_campaign` int(10) unsigned NOT NULL,
  `phone` varchar(32) NOT NULL,
  `status` varchar(32) DEFAULT NULL,
  `uniqueid` varchar(32) DEFAULT NULL,
  `fecha_llamada` datetime DEFAULT NULL,
  `start_time` datetime DEFAULT NULL,
  `end_time` datetime DEFAULT NULL,
  `retries` int(10) unsigned NOT NULL DEFAULT '0',
  `duration` int(10) unsigned DEFAULT NULL,
  `id_agent` int(10) unsigned DEFAULT NULL,
  `transfer` varchar(6) DEFAULT NULL,
  `datetime_entry_queue` datetime DEFAULT NULL,
  `duration_wait` int(11) DEFAULT NULL,
  `dnc` int(1) NOT NULL DEFAULT '0',
  `date_init` date DEFAULT NULL,
  `date_end` date DEFAULT NULL,
  `time_init` time DEFAULT NULL,
  `time_end` time DEFAULT NULL,
  `agent` varchar(32) DEFAULT NULL,
  `failure_cause` int(10) unsigned DEFAULT NULL,
  `failure_cause_txt` varchar(32) DEFAULT NULL,
  `datetime_originate` datetime DEFAULT NULL,
  `trunk` varchar(20) DEFAULT NULL,
  `scheduled` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  KEY `id_campaign` (`id_campaign`),
  KEY `calls_ibfk_2` (`id_agent`),
  KEY `campaign_date_schedule` (`id_campaign`,`date_init`,`date_end`,`time_init`,`time_end`),
  KEY `datetime_init` (`start_time`),
  KEY `datetime_entry_queue` (`datetime_entry_queue`),
  CONSTRAINT `calls_ibfk_1` FOREIGN KEY (`id_campaign`) REFERENCES `campaign` (`id`),
  CONSTRAINT `calls_ibfk_2` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `campaign_form` (
  `id_campaign` int(10) unsigned NOT NULL,
  `id_form` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id_campaign`,`id_form`),
  KEY `id_campaign` (`id_campaign`),
  KEY `id_form` (`id_form`),
  CONSTRAINT `campaign_form_ibfk_1` FOREIGN KEY (`id_campaign`) REFERENCES `campaign` (`id`),
  CONSTRAINT `campaign_form_ibfk_2` FOREIGN KEY (`id_form`) REFERENCES `form` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `campaign_form_entry` (
  `id_campaign` int(10) unsigned NOT NULL,
  `id_form` int(10) unsigned NOT NULL,
  PRIMARY KEY (`id_campaign`,`id_form`),
  KEY `id_campaign` (`id_campaign`),
  KEY `id_form` (`id_form`),
  CONSTRAINT `campaign_form_entry_ibfk_1` FOREIGN KEY (`id_campaign`) REFERENCES `campaign_entry` (`id`),
  CONSTRAINT `campaign_form_entry_ibfk_2` FOREIGN KEY (`id_form`) REFERENCES `form` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `call_entry` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_agent` int(10) unsigned DEFAULT NULL,
  `id_queue_call_entry` int(10) unsigned NOT NULL,
  `id_contact` int(10) unsigned DEFAULT NULL,
  `callerid` varchar(15) NOT NULL,
  `datetime_init` datetime DEFAULT NULL,
  `datetime_end` datetime DEFAULT NULL,
  `duration` int(10) unsigned DEFAULT NULL,
  `status` varchar(32) DEFAULT NULL,
  `transfer` varchar(6) DEFAULT NULL,
  `datetime_entry_queue` datetime DEFAULT NULL,
  `duration_wait` int(11) DEFAULT NULL,
  `uniqueid` varchar(32) DEFAULT NULL,
  `id_campaign` int(10) unsigned DEFAULT NULL,
  `trunk` varchar(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `id_agent` (`id_agent`),
  KEY `id_queue_call_entry` (`id_queue_call_entry`),
  KEY `id_contact` (`id_contact`),
  KEY `call_entry_ibfk_4` (`id_campaign`),
  KEY `datetime_init` (`datetime_init`),
  KEY `datetime_entry_queue` (`datetime_entry_queue`),
  CONSTRAINT `call_entry_ibfk_1` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`),
  CONSTRAINT `call_entry_ibfk_2` FOREIGN KEY (`id_queue_call_entry`) REFERENCES `queue_call_entry` (`id`),
  CONSTRAINT `call_entry_ibfk_3` FOREIGN KEY (`id_contact`) REFERENCES `contact` (`id`),
  CONSTRAINT `call_entry_ibfk_4` FOREIGN KEY (`id_campaign`) REFERENCES `campaign_entry` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Level 3

CREATE TABLE IF NOT EXISTS `call_attribute` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_call` int(10) unsigned NOT NULL,
  `columna` varchar(30) DEFAULT NULL,
  `value` varchar(128) NOT NULL,
  `column_number` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  KEY `id_call` (`id_call`),
  CONSTRAINT `call_attribute_ibfk_1` FOREIGN KEY (`id_call`) REFERENCES `calls` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `current_calls` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_call` int(10) unsigned NOT NULL,
  `fecha_inicio` datetime NOT NULL,
  `uniqueid` varchar(32) DEFAULT NULL,
  `queue` varchar(16) NOT NULL,
  `agentnum` varchar(16) NOT NULL,
  `event` varchar(32) NOT NULL,
  `Channel` varchar(32) NOT NULL DEFAULT '',
  `ChannelClient` varchar(32) DEFAULT NULL,
  `hold` enum('N','S') DEFAULT 'N',
  PRIMARY KEY (`id`),
  KEY `id_call` (`id_call`),
  CONSTRAINT `current_calls_ibfk_1` FOREIGN KEY (`id_call`) REFERENCES `calls` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `form_data_recolected` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_calls` int(10) unsigned NOT NULL,
  `id_form_field` int(10) unsigned NOT NULL,
  `value` varchar(250) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `id_form_field` (`id_form_field`),
  KEY `id_calls` (`id_calls`),
  CONSTRAINT `form_data_recolected_ibfk_1` FOREIGN KEY (`id_form_field`) REFERENCES `form_field` (`id`),
  CONSTRAINT `form_data_recolected_ibfk_2` FOREIGN KEY (`id_calls`) REFERENCES `calls` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `form_data_recolected_entry` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_call_entry` int(10) unsigned NOT NULL,
  `id_form_field` int(10) unsigned NOT NULL,
  `value` varchar(250) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `id_call_entry` (`id_call_entry`),
  KEY `id_form_field` (`id_form_field`),
  CONSTRAINT `form_data_recolected_entry_ibfk_1` FOREIGN KEY (`id_call_entry`) REFERENCES `call_entry` (`id`),
  CONSTRAINT `form_data_recolected_entry_ibfk_2` FOREIGN KEY (`id_form_field`) REFERENCES `form_field` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `current_call_entry` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `id_agent` int(10) unsigned NOT NULL,
  `id_queue_call_entry` int(10) unsigned NOT NULL,
  `id_call_entry` int(10) unsigned NOT NULL,
  `callerid` varchar(15) NOT NULL,
  `datetime_init` datetime NOT NULL,
  `uniqueid` varchar(32) DEFAULT NULL,
  `ChannelClient` varchar(32) DEFAULT NULL,
  `hold` enum('N','S') DEFAULT 'N',
  PRIMARY KEY (`id`),
  KEY `id_agent` (`id_agent`),
  KEY `id_queue_call_entry` (`id_queue_call_entry`),
  KEY `id_call_entry` (`id_call_entry`),
  CONSTRAINT `current_call_entry_ibfk_1` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`),
  CONSTRAINT `current_call_entry_ibfk_2` FOREIGN KEY (`id_queue_call_entry`) REFERENCES `queue_call_entry` (`id`),
  CONSTRAINT `current_call_entry_ibfk_3` FOREIGN KEY (`id_call_entry`) REFERENCES `call_entry` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `call_progress_log` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `datetime_entry` datetime NOT NULL,
  `id_campaign_incoming` int(10) unsigned DEFAULT NULL,
  `id_call_incoming` int(10) unsigned DEFAULT NULL,
  `id_campaign_outgoing` int(10) unsigned DEFAULT NULL,
  `id_call_outgoing` int(10) unsigned DEFAULT NULL,
  `new_status` varchar(32) NOT NULL,
  `retry` int(10) unsigned DEFAULT NULL,
  `uniqueid` varchar(32) DEFAULT NULL,
  `trunk` varchar(20) DEFAULT NULL,
  `id_agent` int(10) unsigned DEFAULT NULL,
  `duration` int(10) unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `call_progress_log_ibfk_4` (`id_agent`),
  KEY `call_progress_log_ibfk_5` (`id_campaign_incoming`),
  KEY `call_progress_log_ibfk_6` (`id_campaign_outgoing`),
  KEY `incoming_datetime_entry` (`id_call_incoming`,`datetime_entry`),
  KEY `outgoing_datetime_entry` (`id_call_outgoing`,`datetime_entry`),
  CONSTRAINT `call_progress_log_ibfk_1` FOREIGN KEY (`id_call_incoming`) REFERENCES `call_entry` (`id`),
  CONSTRAINT `call_progress_log_ibfk_2` FOREIGN KEY (`id_call_outgoing`) REFERENCES `calls` (`id`),
  CONSTRAINT `call_progress_log_ibfk_4` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`),
  CONSTRAINT `call_progress_log_ibfk_5` FOREIGN KEY (`id_campaign_incoming`) REFERENCES `campaign_entry` (`id`),
  CONSTRAINT `call_progress_log_ibfk_6` FOREIGN KEY (`id_campaign_outgoing`) REFERENCES `campaign` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `call_recording` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `datetime_entry` datetime NOT NULL,
  `id_call_incoming` int(10) unsigned DEFAULT NULL,
  `id_call_outgoing` int(10) unsigned DEFAULT NULL,
  `uniqueid` varchar(32) NOT NULL,
  `channel` varchar(80) NOT NULL,
  `recordingfile` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `call_recording_ibfk_1` (`id_call_incoming`),
  KEY `call_recording_ibfk_2` (`id_call_outgoing`),
  CONSTRAINT `call_recording_ibfk_1` FOREIGN KEY (`id_call_incoming`) REFERENCES `call_entry` (`id`),
  CONSTRAINT `call_recording_ibfk_2` FOREIGN KEY (`id_call_outgoing`) REFERENCES `calls` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- dialerd additions (docs/database.md explains each one).

-- Which queues each agent belongs to, owned by dialerd (the reference daemon read this
-- from Asterisk's configuration, which dialerd does not parse).
CREATE TABLE IF NOT EXISTS `dialerd_queue_member` (
  `id_agent` int(10) unsigned NOT NULL,
  `queue` varchar(50) NOT NULL,
  `penalty` int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id_agent`,`queue`),
  KEY `dialerd_queue_member_queue` (`queue`),
  CONSTRAINT `dialerd_queue_member_ibfk_1` FOREIGN KEY (`id_agent`) REFERENCES `agent` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Id blocks: dialerd assigns the ids of the rows it inserts (audit, call_entry,
-- call_progress_log, current_call_entry, current_calls, call_recording) from blocks reserved
-- here with one UPDATE ... LAST_INSERT_ID(), so events never wait for an insert and several
-- dialerd hosts on one cluster never hand out the same id.
CREATE TABLE IF NOT EXISTS `dialerd_id_block` (
  `table_name` varchar(64) NOT NULL,
  `next_id` bigint(20) unsigned NOT NULL,
  PRIMARY KEY (`table_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Which host reserved each id block: one row per block, written when its IdsReserved journal
-- record is applied (before any row with those ids). The start-up takeover of a host reads
-- only rows whose id lies in a block of its own journal (journal.id); ids in no block were
-- written before dialerd reserved ids.
CREATE TABLE IF NOT EXISTS `dialerd_id_range` (
  `table_name` varchar(64) NOT NULL,
  `first_id` bigint(20) unsigned NOT NULL,
  `last_id` bigint(20) unsigned NOT NULL,
  `host_id` varchar(64) NOT NULL,
  PRIMARY KEY (`table_name`,`first_id`),
  KEY `dialerd_id_range_host` (`host_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- The last journal record applied, per journal (host): written in the same transaction as the
-- record, so a replay after a crash never applies a record twice.
CREATE TABLE IF NOT EXISTS `dialerd_journal_applied` (
  `host_id` varchar(64) NOT NULL,
  `last_seq` bigint(20) unsigned NOT NULL,
  PRIMARY KEY (`host_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Options of dialerd's own features per outgoing campaign (no row: the reference's behaviour).
-- dial_mode: reference (the reference formula), progressive (one call per free agent),
-- predictive (live-measured predictor held under abandon_target_pct by the 2-second rule),
-- preview (the agent sees the call and accepts it before it is dialled).
-- safe_harbour: dialplan target "context,exten,priority" for a call a person answered and no
-- agent took within 2 s (NULL: none). wrapup_seconds: after-call work after each call (0: none).
-- preview_seconds: how long a preview call offered to an agent waits for accept or reject.
CREATE TABLE IF NOT EXISTS `dialerd_campaign_options` (
  `id_campaign` int(10) unsigned NOT NULL,
  `dial_mode` varchar(16) NOT NULL DEFAULT 'reference',
  `abandon_target_pct` decimal(5,2) NOT NULL DEFAULT '3.00',
  `safe_harbour` varchar(120) DEFAULT NULL,
  `wrapup_seconds` int(10) unsigned NOT NULL DEFAULT '0',
  `preview_seconds` int(10) unsigned NOT NULL DEFAULT '30',
  PRIMARY KEY (`id_campaign`),
  CONSTRAINT `dialerd_campaign_options_ibfk_1` FOREIGN KEY (`id_campaign`) REFERENCES `campaign` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Preview calls offered to an agent and not yet accepted or rejected: one row per call, so no
-- other agent (of this host or another one on the same database) is offered it until the
-- offer ends (the row is deleted) or expires_at passes (a host that crashed leaves its rows
-- to expire). Written through the journal; a reservation of another agent that has not
-- expired is kept (ON DUPLICATE KEY UPDATE), and accepting checks the row is the agent's.
CREATE TABLE IF NOT EXISTS `dialerd_preview_offer` (
  `id_call` int(10) unsigned NOT NULL,
  `id_campaign` int(10) unsigned NOT NULL,
  `agent` varchar(40) NOT NULL,
  `offered_at` datetime NOT NULL,
  `expires_at` datetime NOT NULL,
  PRIMARY KEY (`id_call`),
  KEY `dialerd_preview_offer_campaign` (`id_campaign`,`expires_at`),
  CONSTRAINT `dialerd_preview_offer_ibfk_1` FOREIGN KEY (`id_call`) REFERENCES `calls` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Options of dialerd's own features per Asterisk queue (incoming queues and campaign queues).
-- wrapup_seconds: after-call work after each call taken from this queue (0: none); a
-- campaign's own wrapup_seconds, when not 0, wins for its calls.
CREATE TABLE IF NOT EXISTS `dialerd_queue_options` (
  `queue` varchar(50) NOT NULL,
  `wrapup_seconds` int(10) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`queue`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- ECCP client accounts (eccp_authorized_clients.username) allowed to listen to, whisper to and
-- barge into agents' calls. eccp_authorized_clients itself is the reference's (the web UI writes it).
CREATE TABLE IF NOT EXISTS `dialerd_supervisor` (
  `username` varchar(64) NOT NULL,
  PRIMARY KEY (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- One row per supervisor spy session, written through the journal; spy_id is the spy channel's
-- uniqueid, chosen by dialerd.
CREATE TABLE IF NOT EXISTS `dialerd_supervisor_audit` (
  `spy_id` varchar(64) NOT NULL,
  `username` varchar(64) NOT NULL,
  `extension` varchar(32) NOT NULL,
  `agent_number` varchar(40) NOT NULL,
  `mode` varchar(8) NOT NULL,
  `datetime_request` datetime NOT NULL,
  `datetime_start` datetime DEFAULT NULL,
  `datetime_end` datetime DEFAULT NULL,
  `end_cause` varchar(160) DEFAULT NULL,
  PRIMARY KEY (`spy_id`),
  KEY `dialerd_supervisor_audit_request` (`datetime_request`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Indexes for the dialer's hot queries; IF NOT EXISTS also adds them to a database that
-- the Issabel installer created.
CREATE INDEX IF NOT EXISTS `dialerd_calls_campaign_status` ON `calls` (`id_campaign`,`status`);
CREATE INDEX IF NOT EXISTS `dialerd_contact_telefono` ON `contact` (`telefono`);
-- The dialer's candidates in their order (retries, id) with everything they are filtered on, so
-- the next 200 of a 1,000,000-row campaign are read without touching the rows passed over;
-- and the calls scheduled for an agent. See docs/benchmarks.md for the plans.
CREATE INDEX IF NOT EXISTS `dialerd_calls_dialable` ON `calls`
  (`id_campaign`,`dnc`,`retries`,`id`,`status`,`date_init`,`date_end`,`time_init`,`time_end`);
-- The calls of a campaign that have their own window, with everything the dialer filters them on:
-- when windowed calls are few (1 % of 200,000), the windowed candidates are read as ranges of this
-- index alone and sorted, instead of walking dialerd_calls_dialable past tens of thousands of calls
-- without a window (campaign_date_schedule, the reference's, has the window but not the filters).
CREATE INDEX IF NOT EXISTS `dialerd_calls_windowed` ON `calls`
  (`id_campaign`,`dnc`,`date_init`,`date_end`,`time_init`,`time_end`,`retries`,`status`);
-- The calls scheduled for an agent, with what they are filtered on: the statement picks the 200
-- lowest ids among a campaign's reserved calls from the index alone and reads only those rows
-- (it read every reserved row to sort them). It replaces dialerd_calls_agent (id_campaign, agent),
-- its prefix, dropped so that writes to calls maintain one index, not two.
CREATE INDEX IF NOT EXISTS `dialerd_calls_agent_dialable` ON `calls`
  (`id_campaign`,`agent`,`dnc`,`retries`,`status`);
DROP INDEX IF EXISTS `dialerd_calls_agent` ON `calls`;
-- The answered attempts of a campaign over the last 30 days (abandoned calls by the 2-second
-- rule, rebuilt at start), read from the index alone.
CREATE INDEX IF NOT EXISTS `dialerd_progress_outgoing_answers` ON `call_progress_log`
  (`id_campaign_outgoing`,`datetime_entry`,`new_status`,`id_call_outgoing`,`retry`);

-- Seed row: the internal hold pause.
INSERT IGNORE INTO `break` (`id`, `name`, `description`, `status`, `tipo`)
VALUES (1, 'Hold', 'Hold', 'A', 'H');

-- Seed row: the internal wrap-up pause (after-call work), tipo 'H' as Hold, found by its name.
-- Its id is not fixed, as the site's own breaks take 2, 3, ...: the next free id from 100 on.
INSERT INTO `break` (`id`, `name`, `description`, `status`, `tipo`)
SELECT GREATEST(top.id + 1, 100), 'Wrapup', 'After-call work', 'A', 'H'
FROM (SELECT COALESCE(MAX(`id`), 0) AS id FROM `break`) AS top
WHERE NOT EXISTS (SELECT 1 FROM `break` WHERE `tipo` = 'H' AND `name` = 'Wrapup');
