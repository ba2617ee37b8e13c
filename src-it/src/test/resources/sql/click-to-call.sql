-- Click-to-call tests: the demo campaign stays active, but none of its numbers may be dialled
-- today (their window starts tomorrow), so the dialer places no call of its own for the agent.
UPDATE calls SET date_init = CURDATE() + INTERVAL 1 DAY, date_end = CURDATE() + INTERVAL 2 DAY
 WHERE id_campaign = 1 AND status IS NULL;
