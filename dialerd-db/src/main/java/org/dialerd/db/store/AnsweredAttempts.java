package org.dialerd.db.store;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.OutgoingCallStore.AnsweredAttempt;

/**
 * The answered attempts of campaign calls since a time, from call_progress_log: each attempt's
 * 'Ringing' row (the answer) and its first 'Success' row (an agent took it). The progress rows,
 * not the calls row: a call dialled again keeps only its last attempt there, and abandoned
 * calls are the ones dialled again. One query per campaign over the covering index
 * dialerd_progress_outgoing_answers (id_campaign_outgoing, datetime_entry, new_status, ...).
 */
final class AnsweredAttempts {
    static final String CAMPAIGNS = "SELECT id FROM campaign ORDER BY id";
    static final String ROWS = "SELECT id_call_outgoing, retry, new_status, datetime_entry FROM call_progress_log "
            + "WHERE id_campaign_outgoing = ? AND datetime_entry >= ? AND new_status IN ('Ringing', 'Success') "
            + "ORDER BY datetime_entry, id";

    private record Row(long callId, long retry, String status, LocalDateTime when) {}

    private record Attempt(long callId, long retry) {}

    private AnsweredAttempts() {
    }

    static List<AnsweredAttempt> since(Jdbc jdbc, LocalDateTime since) {
        List<AnsweredAttempt> all = new ArrayList<>();
        for (int campaign : jdbc.list(CAMPAIGNS, row -> row.getInt(1))) {
            Map<Attempt, LocalDateTime[]> attempts = new LinkedHashMap<>();
            for (Row row : jdbc.list(ROWS, r -> new Row(r.getLong(1), r.getLong(2), r.getString(3),
                    r.getObject(4, LocalDateTime.class)), campaign, since)) {
                Attempt key = new Attempt(row.callId(), row.retry());
                if ("Ringing".equals(row.status())) {
                    attempts.putIfAbsent(key, new LocalDateTime[] {row.when(), null});
                } else {
                    LocalDateTime[] times = attempts.get(key); // a Success without its answer in range: not counted
                    if (times != null && times[1] == null) {
                        times[1] = row.when();
                    }
                }
            }
            attempts.forEach((key, times) -> all.add(new AnsweredAttempt(campaign, key.callId(), key.retry(),
                    times[0], Optional.ofNullable(times[1]))));
        }
        return all;
    }
}
