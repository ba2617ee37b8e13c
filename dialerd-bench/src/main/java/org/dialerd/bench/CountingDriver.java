package org.dialerd.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The counts every driver keeps: requests sent, answered, and lost with their connection. */
abstract class CountingDriver implements Driver {
    protected final AtomicLong sent = new AtomicLong();
    protected final AtomicLong answered = new AtomicLong();
    protected final AtomicLong errors = new AtomicLong();

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long answered() {
        return answered.get();
    }

    @Override
    public long errors() {
        return errors.get();
    }

    /** Polls until every request sent is answered or lost, or {@code seconds} have passed; whether they are. */
    protected boolean awaitAnswers(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (answered.get() + errors.get() < sent.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return answered.get() + errors.get() >= sent.get();
    }
}
