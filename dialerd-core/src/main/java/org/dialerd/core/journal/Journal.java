package org.dialerd.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, ordered write journal: records are appended to segment files under
 * {@link JournalSettings#dir()} and forced to disk in groups (every {@code fsyncInterval}, or
 * sooner once {@code fsyncBatch} wait); {@link #append} completes when its record is on disk.
 * The applier takes durable records in order ({@link #awaitNext}, from an {@link AppliedQueue})
 * and reports them applied ({@link #markApplied}); a segment whose records are all applied is
 * deleted. On open, every record still on disk is handed to the applier again, which skips those the database already
 * has. Past {@code maxBytes} an ERROR alarm is raised ({@link #overDiskBound()}); records are
 * never dropped.
 */
public final class Journal implements WriteBacklog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private record Pending(JournalEntry entry, byte[] frame, CompletableFuture<Long> durable) {}

    private final JournalSettings settings;
    private final Clock clock;
    private final String hostId;
    private final Object lock = new Object();
    private final SegmentFiles files;
    private final DiskAlarm alarm;
    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    private final AppliedQueue unapplied;
    private final ScheduledExecutorService flusher;
    private final int recoveredCount;
    private List<JournalEntry> recovered;
    private long nextSeq;
    private long bufferedBytes;
    private boolean closed;
    private boolean writeFailing;

    private Journal(JournalSettings settings, Clock clock, String hostId, SegmentFiles files,
                    List<JournalEntry> recovered) {
        this.settings = settings;
        this.clock = clock;
        this.hostId = hostId;
        this.files = files;
        this.alarm = new DiskAlarm(settings.dir(), settings.maxBytes());
        this.recoveredCount = recovered.size();
        this.recovered = List.copyOf(recovered);
        this.unapplied = new AppliedQueue(recovered);
        this.nextSeq = files.nextSeq();
        this.flusher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dialerd-journal-fsync"));
        long interval = settings.fsyncInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
        checkBound();
    }

    /** Opens (creating if needed) the journal directory and reads back what a previous run left. */
    public static Journal open(JournalSettings settings, Clock clock) {
        try {
            Files.createDirectories(settings.dir());
            String hostId = JournalId.readOrCreate(settings.dir());
            List<JournalEntry> recovered = new ArrayList<>();
            SegmentFiles files = SegmentFiles.open(settings.dir(), settings.segmentBytes(), recovered);
            Journal journal = new Journal(settings, clock, hostId, files, recovered);
            if (!recovered.isEmpty()) {
                log.info("journal {}: {} records from a previous run to replay (seq {}..{})", settings.dir(),
                        recovered.size(), recovered.get(0).seq(), recovered.get(recovered.size() - 1).seq());
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + settings.dir().toAbsolutePath(), e);
        }
    }

    /** Names this journal in {@code dialerd_journal_applied}: one row per journal directory. */
    public String hostId() {
        return hostId;
    }

    /** Records read back at open (the applier skips the ones already applied). */
    public int recoveredCount() {
        return recoveredCount;
    }

    /** The records read back at open, once (crash recovery looks at them); empty afterwards. */
    public synchronized List<JournalEntry> takeRecovered() {
        List<JournalEntry> taken = recovered;
        recovered = List.of();
        return taken;
    }

    /** Sequence numbers continue after {@code applied} (the database's last_seq), even if segments were lost. */
    public void continueAfter(long applied) {
        synchronized (lock) {
            if (applied >= nextSeq) {
                log.warn("journal {}: the database has applied up to seq {} but the journal only reached {};"
                        + " continuing at {}", settings.dir(), applied, nextSeq - 1, applied + 1);
                nextSeq = applied + 1;
            }
        }
    }

    /** Appends a record; the future completes with its seq once it is on disk. */
    public CompletableFuture<Long> append(JournalRecord record) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        boolean wake;
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("journal closed"));
                return result;
            }
            JournalEntry entry = new JournalEntry(nextSeq++, clock.millis(), record);
            byte[] frame = RecordCodec.encode(entry);
            buffer.addLast(new Pending(entry, frame, result));
            bufferedBytes += frame.length;
            wake = buffer.size() == settings.fsyncBatch();
        }
        if (wake) {
            flusher.execute(this::flush);
        }
        return result;
    }

    /** The seq of the last record appended so far (0: none yet). */
    public long lastAppended() {
        synchronized (lock) {
            return nextSeq - 1;
        }
    }

    private void flush() {
        List<Pending> batch;
        synchronized (lock) {
            if (buffer.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(buffer);
        }
        try {
            files.write(batch.stream().map(Pending::frame).toList(), batch.get(batch.size() - 1).entry().seq(),
                    () -> written(batch));
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                if (!writeFailing) {
                    writeFailing = true;
                    log.error("journal {}: cannot write ({}); {} records wait in memory and are retried",
                            settings.dir(), e.toString(), buffer.size());
                }
            }
            return;
        }
        checkBound();
        batch.forEach(p -> p.durable().complete(p.entry().seq()));
    }

    /** The batch is on disk: its records go to the applier (runs inside the segment files' write). */
    private void written(List<Pending> batch) {
        synchronized (lock) {
            for (Pending written : batch) {
                buffer.pollFirst();
                bufferedBytes -= written.frame().length;
                unapplied.add(written.entry());
            }
            if (writeFailing) {
                writeFailing = false;
                log.info("journal {}: writing again", settings.dir());
            }
        }
    }

    /** The next durable record not yet applied, waiting up to {@code timeout}; for the one applier thread. */
    public Optional<JournalEntry> awaitNext(Duration timeout) throws InterruptedException {
        return awaitBatch(timeout, 1).stream().findFirst();
    }

    /** Up to {@code max} of the next durable records not yet applied, in order (empty after the timeout). */
    public List<JournalEntry> awaitBatch(Duration timeout, int max) throws InterruptedException {
        return unapplied.awaitBatch(timeout, max);
    }

    /** Every record up to {@code seq} is in the database (or dead-lettered): their segments may go. */
    public void markApplied(long seq) {
        unapplied.markApplied(seq);
        files.deleteAppliedUpTo(seq);
        checkBound();
    }

    /** Completes once every record up to {@code seq} has been applied. */
    public CompletableFuture<Void> whenApplied(long seq) {
        return unapplied.whenApplied(seq);
    }

    /** Records appended and not yet applied. */
    @Override
    public int pending() {
        synchronized (lock) {
            return buffer.size() + unapplied.size();
        }
    }

    /** How long the oldest record not yet applied has waited (zero when none waits). */
    @Override
    public Duration oldestPendingAge() {
        synchronized (lock) {
            Optional<JournalEntry> oldest = unapplied.oldest()
                    .or(() -> Optional.ofNullable(buffer.peekFirst()).map(Pending::entry));
            return oldest.map(e -> Duration.ofMillis(Math.max(0, clock.millis() - e.appendedAtMillis())))
                    .orElse(Duration.ZERO);
        }
    }

    /** Bytes the segment files (and records waiting to be written) take. */
    public long diskBytes() {
        return files.bytesWith(() -> {
            synchronized (lock) {
                return bufferedBytes;
            }
        });
    }

    public boolean overDiskBound() {
        return alarm.raised();
    }

    public JournalSettings settings() {
        return settings;
    }

    private void checkBound() {
        alarm.check(diskBytes());
    }

    /** Waits until every record appended before this call is on disk. */
    public boolean flush(Duration timeout) {
        CompletableFuture<?> last;
        synchronized (lock) {
            last = buffer.isEmpty() ? CompletableFuture.completedFuture(null) : buffer.peekLast().durable();
        }
        flusher.execute(this::flush);
        return Futures.completesWithin(last, timeout);
    }

    /** Writes what is buffered, then closes; records not yet applied stay on disk for the next start. */
    @Override
    public void close() {
        flush(Duration.ofSeconds(5));
        shutdown(false);
    }

    /**
     * Stops as a killed process would: records not yet on disk are lost, nothing is flushed.
     * Crash tests use it to abandon a running dialerd.
     */
    public void abandon() {
        shutdown(true);
    }

    private void shutdown(boolean dropBuffer) {
        synchronized (lock) {
            closed = true;
            if (dropBuffer) {
                buffer.clear();
            }
        }
        unapplied.close();
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            files.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("journal {}: closing the segment failed: {}", settings.dir(), e.toString());
        }
    }
}
