package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.sim.clock.VirtualScheduler.Timer;

/**
 * A simulated channel. Plain mutable state, touched only on the engine thread; behaviour lives
 * in the services (dialplan runner, dialer, queues, bridges) that own the channel at a given
 * moment. Fields mirror what AMI prints for a channel snapshot.
 */
public final class Channel {

    /** Who drives the channel right now; told when the channel goes away. */
    public interface Owner {
        void channelHungUp(Channel channel);
    }

    final String name;
    final String uniqueid;
    String linkedid;
    final String device;
    final long createdAtMillis;
    ChannelState state;
    String callerNum = "<unknown>";
    String callerName = "<unknown>";
    String connectedNum = "<unknown>";
    String connectedName = "<unknown>";
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String applicationData = "";
    /** ChanSpy's mode while it spies from this channel (listen, whisper, barge), else empty. */
    String spyMode = "";
    int hangupCause;
    boolean softHangupPublished;
    boolean hungUp;
    /** True once a dialplan (or an originate application) runs on the channel. */
    boolean hasPbx;
    Channel localPeer;
    Bridge bridge;
    Owner owner;
    /** The application running on the channel and a counter bumped on each new one. */
    AppRun run;
    long generation;
    /** Originate with Application=: one application, then hang up without a pbx. */
    boolean appOnly;
    /** app_queue changed the connected line; NewConnectedLine follows the next state change. */
    boolean connectedLinePending;
    /** Does the other side send media once this channel answers (decides Answer()'s wait)? */
    boolean peerSendsMedia = true;
    String mohClass;
    /**
     * A connected-line update from the other Local half, not applied yet: Wait() and
     * __ast_answer's media wait defer such frames; they are read when the next priority starts.
     */
    String[] deferredCaller;
    /** An attended transfer this channel started and that is still going on (CancelAtxfer). */
    AttendedTransfer transfer;
    final Map<String, String> variables = new LinkedHashMap<>();
    final List<Timer> timers = new ArrayList<>();
    /** Told once when a hang-up is requested or happens (app_queue follows a parked caller so). */
    final List<Runnable> hangupWatchers = new ArrayList<>();

    Channel(String name, String uniqueid, String linkedid, String device, ChannelState state,
            String context, String exten, long createdAtMillis) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.device = device;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdAtMillis = createdAtMillis;
    }

    public String name() {
        return name;
    }

    /** ChanSpy's mode while it spies from this channel ({@code listen}, {@code whisper}, {@code barge}), else empty. */
    public String spyMode() {
        return spyMode;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    public ChannelState state() {
        return state;
    }

    public boolean isHungUp() {
        return hungUp;
    }

    public boolean isLocal() {
        return localPeer != null;
    }

    /** ";1" half of a Local pair (the side that was dialed). */
    public boolean isLocalOne() {
        return name.endsWith(";1");
    }

    public Channel localPeer() {
        return localPeer;
    }

    public Bridge bridge() {
        return bridge;
    }

    public String device() {
        return device;
    }

    public String callerNum() {
        return callerNum;
    }

    public String callerName() {
        return callerName;
    }

    public Snapshot snapshot() {
        return new Snapshot(name, state, callerNum, callerName, connectedNum, connectedName, "en",
                accountCode, context, exten, priority, uniqueid, linkedid);
    }

    public void setCaller(String num, String nameValue) {
        this.callerNum = num;
        this.callerName = nameValue;
    }

    public void setConnected(String num, String nameValue) {
        this.connectedNum = num;
        this.connectedName = nameValue;
    }

    public void setLocation(String ctx, String ext, int prio) {
        this.context = ctx;
        this.exten = ext;
        this.priority = prio;
    }

    public AttendedTransfer transfer() {
        return transfer;
    }

    public String variable(String key) {
        return variables.get(key);
    }

    void addTimer(Timer t) {
        timers.add(t);
    }

    void cancelTimers() {
        for (Timer t : timers) {
            t.cancel();
        }
        timers.clear();
    }

    @Override
    public String toString() {
        return name;
    }
}
