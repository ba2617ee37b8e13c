package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashRecoveryTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0, 0);

    private static List<JournalEntry> entries(JournalRecord... records) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalRecord record : records) {
            entries.add(new JournalEntry(entries.size() + 1, 0, record));
        }
        return entries;
    }

    @Test
    void closesTheAuditRowsAndEndsTheCallsTheDeadRunLeftOpen() {
        List<JournalEntry> recovered = entries(
                new JournalRecord.AuditOpened(1, 6, null, T, null),
                new JournalRecord.AuditOpened(2, 6, 3, T.plusSeconds(10), null),
                new JournalRecord.AuditClosed(2, T.plusSeconds(20), 10),
                new JournalRecord.AuditOpened(3, 7, 1, T.plusSeconds(30), "701"),
                new JournalRecord.IncomingEntered(50, 1, null, "555", "SIP/p", "1.1", T),
                new JournalRecord.IncomingFinished(50, null, T.plusSeconds(5), 5),
                new JournalRecord.IncomingEntered(51, 1, null, "556", "SIP/p", "1.2", T),
                new JournalRecord.IncomingEntered(52, 1, null, "557", "SIP/p", "1.3", T),
                new JournalRecord.IncomingAbandoned(52, T, 3));
        LocalDateTime restart = T.plusSeconds(100);
        assertEquals(List.of(new JournalRecord.AuditClosed(1, restart, 100),
                        new JournalRecord.AuditClosed(3, restart, 70),
                        new JournalRecord.IncomingLostTrack(51, restart)),
                CrashRecovery.closing(recovered, restart));
    }

    @Test
    void aCleanStopLeavesNothingToClose() {
        assertEquals(List.of(), CrashRecovery.closing(entries(
                new JournalRecord.AuditOpened(1, 6, null, T, null),
                new JournalRecord.AuditClosed(1, T.plusSeconds(1), 1)), T.plusSeconds(9)));
    }
}
