-- After demo-data.sql: campaign 1 sends calls no agent takes within 2 s to the safe-harbour
-- context, and the dialer places 3 calls more than its free agents (dialer.forzar_sobrecolocar).
INSERT INTO dialerd_campaign_options (id_campaign, safe_harbour) VALUES (1, 'safe-harbour,s,1');
DELETE FROM valor_config WHERE config_key = 'dialer.forzar_sobrecolocar';
INSERT INTO valor_config (config_key, config_value) VALUES ('dialer.forzar_sobrecolocar', '3');
