-- WrapupIT: 12 s of after-call work after calls from queue 8001, long enough to span an AMI
-- reconnection or a dialerd restart.
INSERT INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 12);
