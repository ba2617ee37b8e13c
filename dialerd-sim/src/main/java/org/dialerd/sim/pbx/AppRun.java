package org.dialerd.sim.pbx;

/**
 * One execution of one application on one channel: its arguments, the way to continue the
 * dialplan, and a hook the application sets to clean up if the channel is hung up or
 * redirected while the application still runs.
 */
public final class AppRun {

    private final DialplanRunner runner;
    private final Channel channel;
    private final String args;
    private final long generation;
    private Runnable interrupt;

    AppRun(DialplanRunner runner, Channel channel, String args, long generation) {
        this.runner = runner;
        this.channel = channel;
        this.args = args;
        this.generation = generation;
    }

    public Channel channel() {
        return channel;
    }

    public String args() {
        return args;
    }

    /** Argument {@code i} of the comma-separated list, or "" when absent. */
    public String arg(int i) {
        String[] parts = args.split(",", -1);
        return i < parts.length ? parts[i].trim() : "";
    }

    public Pbx pbx() {
        return runner.pbx();
    }

    /** Still the running application (not hung up, not redirected since)? */
    public boolean current() {
        return !channel.hungUp && runner.generation(channel) == generation;
    }

    /** Continue with the next priority. */
    public void next() {
        if (current()) {
            interrupt = null;
            runner.continueAt(channel, channel.priority + 1);
        }
    }

    /** Runs {@code r} after {@code ms} of virtual time unless the application was interrupted. */
    public void after(long ms, Runnable r) {
        channel.addTimer(pbx().scheduler().schedule(ms, () -> {
            if (current()) {
                r.run();
            }
        }));
    }

    public void onInterrupt(Runnable cleanup) {
        this.interrupt = cleanup;
    }

    Runnable interruptHook() {
        Runnable r = interrupt;
        interrupt = null;
        return r;
    }

    /** The application ends the call (Hangup(), Busy timeout): pbx finishes with this cause. */
    public void hangup(int cause) {
        if (current()) {
            interrupt = null;
            runner.finish(channel, cause);
        }
    }
}
