-- FreePBX's asterisk.devices table (the columns dialerd and the reference read), created in the
-- test database so the transcript seed's asterisk-devices-data.sql can be loaded beside call_center.
CREATE TABLE IF NOT EXISTS devices (
  id varchar(20) NOT NULL DEFAULT '',
  tech varchar(10) NOT NULL DEFAULT '',
  dial varchar(255) NOT NULL DEFAULT '',
  devicetype varchar(5) NOT NULL DEFAULT '',
  `user` varchar(50) DEFAULT NULL,
  description varchar(50) DEFAULT NULL,
  emergency_cid varchar(100) DEFAULT NULL,
  KEY id (id)
) DEFAULT CHARSET=utf8mb4;
