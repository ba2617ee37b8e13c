-- Click-to-call tests: the demo campaign stays active, but none of its numbers may be dialled
-- today (their window starts tomorrow), so the dialer places no call of its own for the agent.
-- Every row moves, not only the never-dialled ones: 102 (NoAnswer) and 103 (Failure) have
-- retries left and no window, so the dialer could redial one of them to a free agent while a
-- test waits for its click-to-call (seen under load: agentlinked for 102 instead of 105).
UPDATE calls SET date_init = CURDATE() + INTERVAL 1 DAY, date_end = CURDATE() + INTERVAL 2 DAY
 WHERE id_campaign = 1;
