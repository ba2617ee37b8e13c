package org.dialerd.ami;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a forgotten {@code close()} never keeps the JVM alive. */
final class DaemonThreads implements ThreadFactory {
    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        int n = count.getAndIncrement();
        Thread t = new Thread(task, n == 0 ? name : name + "-" + n);
        t.setDaemon(true);
        return t;
    }
}
