package org.dialerd.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code --client lean --rate R}: the open loop with a client that costs next to nothing, so the
 * latency counted from each request's due time is dialerd's and the machine's, not the Java client
 * library's. The pacing thread writes each request itself on its session's blocking socket when it
 * is due (no hand-off to an I/O thread: one wake-up of the sender per request), after noting its due
 * and send times in the session's queue; one reader thread per session counts bytes up to
 * {@code </response>} (no XML parsing, see {@link AnswerReader}) and matches answers in order, as
 * dialerd answers a connection's requests. Latency, lateness and latency from the send are recorded
 * as {@link RequestDriver#openLoop} records them.
 */
final class LeanOpenLoop extends CountingDriver {
    /** Unanswered requests a session may hold (6.5 s of a 10,000 req/s run over 1 session). */
    private static final int CAPACITY = 1 << 16;

    private final LeanDriver prepared;
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    LeanOpenLoop(LeanDriver prepared, List<Socket> sockets) throws IOException {
        this.prepared = prepared;
        for (Socket socket : sockets) {
            lanes.add(new Lane(socket));
        }
    }

    /** Paces requests on this thread until {@code endNanos}, round-robin over the sessions. */
    void run(RateSchedule schedule, long endNanos, PhaseRecorder recorder, PhaseRecorder lateness,
             PhaseRecorder fromSend, boolean realtime) {
        for (Lane lane : lanes) {
            Thread reader = new Thread(() -> {
                if (realtime) {
                    RealTimeThreads.promoteCurrentThread();
                }
                lane.read(recorder, fromSend);
            }, "bench-lean-reader");
            reader.setDaemon(true);
            reader.start();
        }
        for (long i = 0; ; i++) {
            long due = schedule.intendedNanos(i);
            if (due >= endNanos) {
                return;
            }
            long now = RateSchedule.awaitNanos(due);
            lateness.record(now - due);
            lanes.get((int) (i % lanes.size())).send(prepared.request(i), due, now);
        }
    }

    @Override
    public boolean drain(int seconds) {
        return awaitAnswers(seconds);
    }




    @Override
    public long failureAnswers() {
        return failures.get();
    }

    @Override
    public List<String> failureLines() {
        return failures.get() == 0 && errors.get() == 0 ? List.of()
                : List.of("answers with a failure: " + failures.get() + ", requests lost with their connection: "
                + errors.get());
    }

    /**
     * One session: its socket and the due and send times of its unanswered requests, in order (one
     * writer, the pacing thread; one reader, the session's reader thread).
     */
    private final class Lane {
        private final OutputStream out;
        private final AnswerReader answers;
        private final long[] due = new long[CAPACITY];
        private final long[] sentAt = new long[CAPACITY];
        /** Requests noted (written by the sender; read by the reader). */
        private final AtomicLong noted = new AtomicLong();
        /** Answers read (reader only, except for the sender's check for room). */
        private final AtomicLong read = new AtomicLong();
        private volatile boolean broken;

        Lane(Socket socket) throws IOException {
            this.out = socket.getOutputStream();
            this.answers = new AnswerReader(socket.getInputStream(), false);
        }

        void send(byte[] request, long dueNanos, long nowNanos) {
            if (broken) {
                sent.incrementAndGet();
                errors.incrementAndGet();
                return;
            }
            long n = noted.get();
            while (n - read.get() >= CAPACITY && !broken) {
                LockSupport.parkNanos(100_000); // dialerd holds 65,536 unanswered: their due times still count
            }
            int slot = (int) (n % CAPACITY);
            due[slot] = dueNanos;
            sentAt[slot] = nowNanos;
            noted.set(n + 1); // before the write: the answer cannot come before its times are noted
            sent.incrementAndGet();
            try {
                out.write(request);
            } catch (IOException e) {
                broken = true;
            }
        }

        void read(PhaseRecorder recorder, PhaseRecorder fromSend) {
            try {
                while (true) {
                    boolean failed = answers.next();
                    long now = System.nanoTime();
                    long r = read.get();
                    while (noted.get() <= r) {
                        Thread.onSpinWait(); // an answer to a request whose times are not visible yet: never long
                    }
                    int slot = (int) (r % CAPACITY);
                    recorder.record(now - due[slot]);
                    fromSend.record(now - sentAt[slot]);
                    read.set(r + 1);
                    answered.incrementAndGet();
                    if (failed) {
                        failures.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                broken = true;
                errors.addAndGet(Math.max(0, noted.get() - read.get()));
            }
        }
    }
}
