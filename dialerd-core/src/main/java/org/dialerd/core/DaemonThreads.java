package org.dialerd.server;

import java.util.concurrent.ThreadFactory;

/** The daemon threads dialerd-server starts: named, so a thread dump says whose they are. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    /** One daemon thread named {@code name} per executor (they are all single-threaded). */
    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
