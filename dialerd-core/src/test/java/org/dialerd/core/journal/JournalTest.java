package org.dialerd.core.journal;

import org.dialerd.core.testing.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static JournalRecord status(int campaign) {
        return new JournalRecord.CampaignStatus(campaign, "A");
    }

    private static List<JournalEntry> drain(Journal journal) throws InterruptedException {
        List<JournalEntry> taken = new ArrayList<>();
        while (true) {
            var next = journal.awaitNext(Duration.ofMillis(50));
            if (next.isEmpty()) {
                return taken;
            }
            taken.add(next.get());
            journal.markApplied(next.get().seq());
        }
    }

    /** A journal closed with records 1 and 2 on disk: its one segment, for a test to damage. */
    private Path twoRecordsOnDisk() throws IOException {
        try (Journal journal = Journal.open(JournalSettings.in(dir), clock)) {
            journal.append(status(1));
            journal.append(status(2));
            assertTrue(journal.flush(WAIT));
        }
        return segments(dir).get(0);
    }

    private static List<Path> segments(Path dir) throws IOException {
        return Segment.list(dir);
    }

    @Test
    void appendCompletesWhenDurableWithIncreasingSeqs() throws Exception {
        try (Journal journal = Journal.open(JournalSettings.in(dir), clock)) {
            long first = journal.append(status(1)).get(5, TimeUnit.SECONDS);
            long second = journal.append(status(2)).get(5, TimeUnit.SECONDS);
            assertEquals(1, first);
            assertEquals(2, second);
            assertEquals(2, journal.pending());
            List<JournalEntry> taken = drain(journal);
            assertEquals(List.of(status(1), status(2)), taken.stream().map(JournalEntry::record).toList());
            assertEquals(0, journal.pending());
            assertEquals(Duration.ZERO, journal.oldestPendingAge());
        }
    }

    @Test
    void recordsNotAppliedAreReplayedAfterARestartAndSeqsContinue() throws Exception {
        try (Journal journal = Journal.open(JournalSettings.in(dir), clock)) {
            for (int i = 1; i <= 3; i++) {
                journal.append(status(i));
            }
            assertTrue(journal.flush(WAIT));
            var first = journal.awaitNext(WAIT).orElseThrow();
            journal.markApplied(first.seq());
        }
        try (Journal reopened = Journal.open(JournalSettings.in(dir), clock)) {
            assertEquals(3, reopened.recoveredCount(), "the applier skips what the database has; the journal keeps all");
            assertEquals(4, reopened.append(status(4)).get(5, TimeUnit.SECONDS));
            assertEquals(List.of(1L, 2L, 3L, 4L), drain(reopened).stream().map(JournalEntry::seq).toList());
        }
    }

    @Test
    void aJournalOfThePreviousVersionWithTheRetiredTagOpensAndItsRecordsAreAllHandedOn() throws Exception {
        try (Journal journal = Journal.open(JournalSettings.in(dir), clock)) {
            journal.append(status(1));
            assertTrue(journal.flush(WAIT));
        }
        // The previous version's start-up wrote OpenSessionsClosed (tag 4) as seq 2.
        Path segment = segments(dir).get(0);
        byte[] body = RecordCodecTest.openSessionsClosedBody(2, java.time.LocalDateTime.of(2026, 11, 22, 9, 0));
        byte[] frame = java.nio.ByteBuffer.allocate(RecordCodec.HEADER_BYTES + body.length).putInt(body.length)
                .putInt(RecordCodec.crc(body, 0, body.length)).put(body).array();
        Files.write(segment, frame, java.nio.file.StandardOpenOption.APPEND);

        try (Journal reopened = Journal.open(JournalSettings.in(dir), clock)) {
            assertEquals(2, reopened.recoveredCount());
            assertEquals(List.of(status(1), new JournalRecord.Retired(4)),
                    drain(reopened).stream().map(JournalEntry::record).toList());
            assertEquals(3, reopened.append(status(3)).get(5, TimeUnit.SECONDS), "seqs go on after it");
        }
    }

    @Test
    void aTornLastRecordIsTruncatedAndTheRestKept() throws Exception {
        Path segment = twoRecordsOnDisk();
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 3)); // the crash cut the last write
        try (Journal reopened = Journal.open(JournalSettings.in(dir), clock)) {
            assertEquals(1, reopened.recoveredCount());
            assertEquals(bytes.length - 3 - (bytes.length / 2 - 3), Files.size(segment), "the torn tail is cut off");
            assertEquals(List.of(status(1)), drain(reopened).stream().map(JournalEntry::record).toList());
            assertEquals(2, reopened.append(status(9)).get(5, TimeUnit.SECONDS), "seq 2 was never acknowledged");
        }
    }

    @Test
    void aCrcMismatchAtTheEndIsTruncated() throws Exception {
        Path segment = twoRecordsOnDisk();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(segment, bytes);
        try (Journal reopened = Journal.open(JournalSettings.in(dir), clock)) {
            assertEquals(1, reopened.recoveredCount());
        }
    }

    @Test
    void appliedSegmentsAreDeletedButTheActiveOneStays() throws Exception {
        JournalSettings small = JournalSettings.in(dir).withSegmentBytes(4096);
        try (Journal journal = Journal.open(small, clock)) {
            for (int i = 0; i < 400; i++) {
                journal.append(status(i));
            }
            assertTrue(journal.flush(WAIT));
            assertTrue(segments(dir).size() > 1, "rolled over: " + segments(dir));
            drain(journal);
            assertEquals(1, segments(dir).size());
            assertTrue(journal.whenApplied(400).isDone());
        }
        // The segment kept is the one written to: it holds the records written since the last
        // roll-over (none when the last group commit happened to fill a segment), applied or
        // not. How many that is depends on how the appends fell into group commits, so it is
        // read from the segment's name (its first seq).
        List<Path> kept = segments(dir);
        assertEquals(1, kept.size());
        long firstKept = Long.parseLong(kept.get(0).getFileName().toString().replaceAll("\\D", ""));
        assertTrue(firstKept > 1 && firstKept <= 401, "the applied segments went: " + kept);
        try (Journal reopened = Journal.open(small, clock)) {
            assertEquals(401 - firstKept, reopened.recoveredCount(), "only the kept segment's records come back");
            assertEquals(java.util.stream.LongStream.range(firstKept, 401).boxed().toList(),
                    reopened.takeRecovered().stream().map(JournalEntry::seq).toList());
            assertEquals(401, reopened.append(status(1)).get(5, TimeUnit.SECONDS), "seqs survive deletion");
        }
    }

    @Test
    void appliedRecordsOfTheSegmentWrittenToAreReadBackAtOpen() throws Exception {
        // One record per group commit: the segments roll over at a fixed record count (8 of
        // these ~530-byte records in 4096 bytes), and 20 records leave a partly filled segment,
        // all applied, which stays and is read back (the applier skips what the database has).
        JournalSettings small = JournalSettings.in(dir).withSegmentBytes(4096);
        JournalRecord big = new JournalRecord.CampaignStatus(1, "A".repeat(500));
        int frame = RecordCodec.encode(new JournalEntry(1, 0, big)).length;
        int perSegment = (4096 + frame - 1) / frame;
        assertEquals(8, perSegment, "frame of " + frame + " bytes");
        try (Journal journal = Journal.open(small, clock)) {
            for (int i = 0; i < 20; i++) {
                journal.append(big);
                assertTrue(journal.flush(WAIT));
            }
            drain(journal);
            assertEquals(List.of("journal-00000000000000000017.log"),
                    segments(dir).stream().map(p -> p.getFileName().toString()).toList());
        }
        try (Journal reopened = Journal.open(small, clock)) {
            assertEquals(4, reopened.recoveredCount(), "applied, but in the segment written to");
            assertEquals(21, reopened.append(status(1)).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void pastItsDiskBoundTheJournalRaisesTheAlarmAndKeepsEveryRecord() throws Exception {
        JournalSettings bounded = JournalSettings.in(dir).withMaxBytes(1 << 20).withSegmentBytes(256 << 10);
        try (Journal journal = Journal.open(bounded, clock)) {
            int records = 0;
            while (journal.diskBytes() <= bounded.maxBytes()) {
                journal.append(status(records++));
            }
            assertTrue(journal.flush(WAIT));
            assertTrue(journal.overDiskBound(), journal.diskBytes() + " bytes, " + journal.pending() + " pending, " + records);
            assertEquals(records, journal.pending(), "nothing dropped");
            drain(journal);
            assertFalse(journal.overDiskBound(), "cleared once applied");
        }
    }

    @Test
    void oldestPendingAgeFollowsTheClock() throws Exception {
        ManualClock moving = new ManualClock();
        try (Journal journal = Journal.open(JournalSettings.in(dir), moving)) {
            journal.append(status(1));
            moving.advance(Duration.ofSeconds(7));
            assertEquals(Duration.ofSeconds(7), journal.oldestPendingAge());
        }
    }

    @Test
    void whenAppliedCompletesOnlyOnceTheSeqIsApplied() throws Exception {
        try (Journal journal = Journal.open(JournalSettings.in(dir), clock)) {
            journal.append(status(1));
            long seq = journal.append(status(2)).get(5, TimeUnit.SECONDS);
            var applied = journal.whenApplied(seq);
            journal.markApplied(1);
            assertFalse(applied.isDone());
            journal.markApplied(2);
            assertTrue(applied.isDone());
        }
    }
}
