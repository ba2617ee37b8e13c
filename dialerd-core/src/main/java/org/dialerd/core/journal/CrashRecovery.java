package org.dialerd.core.journal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run that stopped without its shutdown (a crash, kill -9, power loss) left open, as
 * seen in the records it journalled: audit rows (sessions, breaks, holds) opened and never
 * closed, and incoming calls entered and never finished. Start-up appends the closing records
 * after the replayed ones, so no open row is left behind; the ends are the restart time.
 */
public final class CrashRecovery {
    private CrashRecovery() {
    }

    public static List<JournalRecord> closing(List<JournalEntry> recovered, LocalDateTime now) {
        Map<Long, JournalRecord.AuditOpened> audits = new LinkedHashMap<>();
        Set<Long> incoming = new LinkedHashSet<>();
        for (JournalEntry entry : recovered) {
            JournalRecord r = entry.record();
            if (r instanceof JournalRecord.AuditOpened o) {
                audits.put(o.id(), o);
            } else if (r instanceof JournalRecord.AuditClosed c) {
                audits.remove(c.id());
            } else if (r instanceof JournalRecord.IncomingEntered e) {
                incoming.add(e.id());
            } else if (r instanceof JournalRecord.IncomingFinished f) {
                incoming.remove(f.callId());
            } else if (r instanceof JournalRecord.IncomingAbandoned a) {
                incoming.remove(a.callId());
            } else if (r instanceof JournalRecord.IncomingLostTrack l) {
                incoming.remove(l.callId());
            }
        }
        List<JournalRecord> closing = new ArrayList<>();
        for (JournalRecord.AuditOpened open : audits.values()) {
            closing.add(new JournalRecord.AuditClosed(open.id(), now,
                    Math.max(0, Duration.between(open.start(), now).toSeconds())));
        }
        incoming.forEach(id -> closing.add(new JournalRecord.IncomingLostTrack(id, now)));
        return closing;
    }
}
