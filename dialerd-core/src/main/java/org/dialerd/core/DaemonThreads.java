package org.dialerd.core;

import java.util.concurrent.ThreadFactory;

/** dialerd's own daemon threads: named, so a thread dump says whose they are. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** One daemon thread named {@code name} per executor (they are all single-threaded). */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
