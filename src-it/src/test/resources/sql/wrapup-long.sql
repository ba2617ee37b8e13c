-- WrapupIT, WrapupApiIT: 3 s of after-call work after calls from queue 8001, measured on
-- dialerd's clock, the PBX's virtual clock in the tests: it stands still while a test drops the
-- AMI connection or restarts dialerd, so the wrap-up spans those however long they take in real
-- time, and ends only once the test has moved the clock past it. (It was 12 s, long enough on
-- real time; the engine's timer, on real time, only decides when dialerd looks, so each of
-- those seconds was a second of waiting.)
INSERT INTO dialerd_queue_options (queue, wrapup_seconds) VALUES ('8001', 3);
