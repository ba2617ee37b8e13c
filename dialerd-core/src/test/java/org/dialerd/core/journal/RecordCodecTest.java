package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0, 5);

    /** One of every kind, nullable fields both set and unset. */
    static final List<JournalRecord> EVERY_KIND = List.of(
            new JournalRecord.IdsReserved(IdTable.CALL_ENTRY, 1000, 1999),
            new JournalRecord.AuditOpened(7, 1, null, T, null),
            new JournalRecord.AuditOpened(8, 1, 3, T, "701"),
            new JournalRecord.AuditClosed(7, T.plusSeconds(30), 30),
            new JournalRecord.IncomingEntered(11, 1, null, "5551234", "SIP/prov", "1732.5", T),
            new JournalRecord.IncomingEntered(12, 1, 4, null, null, null, null),
            new JournalRecord.IncomingLinked(11, 3, 1, 2, "5551234", "1732.5", "SIP/prov-01", T, 12),
            new JournalRecord.IncomingFinished(11, null, T, 40),
            new JournalRecord.IncomingFinished(11, "1002", T, 40),
            new JournalRecord.IncomingAbandoned(12, T, 9),
            new JournalRecord.IncomingHeld(11, true),
            new JournalRecord.IncomingLostTrack(11, T),
            new JournalRecord.Progress(100, true, null, 11, "OnQueue", 0, "1732.5", "SIP/prov", null, null, T),
            new JournalRecord.Progress(101, false, 2, 55, "Hangup", 2, null, null, 3, 61L, T),
            new JournalRecord.OutgoingPlacing(55, null, T),
            new JournalRecord.OutgoingAnswered(55, "dialerd-1.5", T),
            new JournalRecord.OutgoingFailed(55, "Failure", 17, "User busy", T),
            new JournalRecord.OutgoingQueued(55, "dialerd-1.5", T),
            new JournalRecord.OutgoingLinked(55, 9, 3, "Agent/9000", "8000", "dialerd-1.5", "Local/6100@x-1;1", T, 2),
            new JournalRecord.OutgoingEnded(55, "ShortCall", T, 3),
            new JournalRecord.OutgoingAbandoned(55, T, 4),
            new JournalRecord.OutgoingTransferred(55, "1002"),
            new JournalRecord.OutgoingSafeHarbour(55, "safe-harbour,s,1", LocalDateTime.of(2026, 11, 22, 10, 0, 2)),
            new JournalRecord.OutgoingHeld(55, false),
            new JournalRecord.CampaignStatus(2, "T"),
            new JournalRecord.CampaignStats(2, 10, 61, 5),
            new JournalRecord.Recording(5, null, 55L, "dialerd-1.5", "SIP/1001-1", "/rec/a ñ.wav", T),
            new JournalRecord.SpyOpened("dialerd-1-s1", "supervisor", "1005", "SIP/1001", "whisper", T),
            new JournalRecord.SpyConnected("dialerd-1-s1", T),
            new JournalRecord.SpyClosed("dialerd-1-s1", T, "The spy call ended"),
            new JournalRecord.SpyClosed("dialerd-1-s2", T, null),
            new JournalRecord.PreviewReserved(55, 2, "SIP/1001", T, T.plusSeconds(30)),
            new JournalRecord.PreviewReleased(55, "SIP/1001"));

    @Test
    void everyRecordKindRoundTrips() {
        long seq = 1;
        for (JournalRecord record : EVERY_KIND) {
            JournalEntry entry = new JournalEntry(seq++, 1_700_000_000_123L, record);
            byte[] frame = RecordCodec.encode(entry);
            ByteBuffer header = ByteBuffer.wrap(frame);
            int length = header.getInt();
            int crc = header.getInt();
            assertEquals(frame.length - RecordCodec.HEADER_BYTES, length);
            assertEquals(RecordCodec.crc(frame, RecordCodec.HEADER_BYTES, length), crc);
            byte[] body = java.util.Arrays.copyOfRange(frame, RecordCodec.HEADER_BYTES, frame.length);
            assertEquals(entry, RecordCodec.decodeBody(body));
        }
    }

    /** A body as the previous version wrote OpenSessionsClosed(end): seq, appendedAt, tag 4, the time. */
    static byte[] openSessionsClosedBody(long seq, LocalDateTime end) {
        return ByteBuffer.allocate(8 + 8 + 1 + 1 + 8).putLong(seq).putLong(1_700_000_000_000L).put((byte) 4)
                .put((byte) 1).putLong(end.toEpochSecond(java.time.ZoneOffset.UTC)).array();
    }

    @Test
    void theRetiredOpenSessionsClosedTagIsStillReadAsARecordThatDoesNothing() {
        JournalEntry entry = RecordCodec.decodeBody(openSessionsClosedBody(7, T));

        assertEquals(new JournalEntry(7, 1_700_000_000_000L, new JournalRecord.Retired(4)), entry);
    }

    @Test
    void aRetiredRecordIsNeverWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.encode(new JournalEntry(1, 0, new JournalRecord.Retired(4))));
    }

    @Test
    void unknownTagIsReportedAsCorruption() {
        byte[] frame = RecordCodec.encode(new JournalEntry(1, 0, new JournalRecord.CampaignStatus(1, "A")));
        byte[] body = java.util.Arrays.copyOfRange(frame, RecordCodec.HEADER_BYTES, frame.length);
        body[16] = (byte) 200; // the tag follows seq and appendedAt
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> RecordCodec.decodeBody(body));
        assertEquals("unknown journal record tag 200", e.getMessage());
    }
}
