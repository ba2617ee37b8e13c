package org.dialerd.sim.pbx;

import org.dialerd.sim.ami.AmiMessage;

/**
 * Builds and publishes the channel-level events whose shape every scenario shares, with fields
 * in the order Asterisk 22 prints them. Callers decide when to publish; this class only knows
 * the shapes.
 */
public final class Events {

    static final String CALL = "call,all";
    static final String AGENT = "agent,all";

    private final EventSink sink;

    Events(EventSink sink) {
        this.sink = sink;
    }

    public void publish(AmiMessage m) {
        sink.publish(m);
    }

    public AmiMessage.Builder call(String name) {
        return AmiMessage.event(name).add("Privilege", CALL);
    }

    public AmiMessage.Builder agent(String name) {
        return AmiMessage.event(name).add("Privilege", AGENT);
    }

    /** An event made of the channel's snapshot plus optional trailing fields. */
    public void channelEvent(String name, Channel ch, String... extra) {
        AmiMessage.Builder b = call(name).addAll(ch.snapshot().fields());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        publish(b.build());
    }

    /** An agent-class event made of the channel's snapshot plus trailing fields. */
    public void agentChannelEvent(String name, Channel ch, String... extra) {
        AmiMessage.Builder b = agent(name).addAll(ch.snapshot().fields());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        publish(b.build());
    }

    public void newchannel(Channel ch) {
        channelEvent("Newchannel", ch);
    }

    public void newstate(Channel ch) {
        channelEvent("Newstate", ch);
    }

    public void newCallerid(Channel ch) {
        channelEvent("NewCallerid", ch, "CID-CallingPres", "<unknown>".equals(ch.callerNum)
                ? "67 (Number Unavailable)" : "0 (Presentation Allowed, Not Screened)");
    }

    public void newConnectedLine(Channel ch) {
        channelEvent("NewConnectedLine", ch);
    }

    public void newexten(Channel ch, String app, String data) {
        channelEvent("Newexten", ch, "Extension", ch.exten, "Application", app, "AppData", data);
    }

    public void varSet(Channel ch, String variable, String value) {
        channelEvent("VarSet", ch, "Variable", variable, "Value", value);
    }

    public void hangupRequest(Channel ch, int cause) {
        channelEvent("HangupRequest", ch, "Cause", Integer.toString(cause));
    }

    public void softHangupRequest(Channel ch, int cause) {
        channelEvent("SoftHangupRequest", ch, "Cause", Integer.toString(cause));
    }

    public void hangup(Channel ch) {
        channelEvent("Hangup", ch, "Cause", Integer.toString(ch.hangupCause),
                "Cause-txt", HangupCause.text(ch.hangupCause));
    }

    public void mohStart(Channel ch, String mohClass) {
        channelEvent("MusicOnHoldStart", ch, "Class", mohClass);
    }

    public void mohStop(Channel ch) {
        channelEvent("MusicOnHoldStop", ch);
    }

    public void localBridge(Channel one, Channel two) {
        publish(call("LocalBridge").addAll(one.snapshot().fields("LocalOne"))
                .addAll(two.snapshot().fields("LocalTwo"))
                .add("Context", two.context).add("Exten", two.exten).add("LocalOptimization", "Yes").build());
    }

    /** DialBegin/DialState/DialEnd; {@code caller} is null for dials made by Originate. */
    public void dial(String name, Snapshot caller, Snapshot dest, String lastName, String lastValue) {
        AmiMessage.Builder b = call(name);
        if (caller != null) {
            b.addAll(caller.fields());
        }
        b.addAll(dest.fields("Dest")).add(lastName, lastValue);
        publish(b.build());
    }

    public void deviceStateChange(String device, String state) {
        publish(call("DeviceStateChange").add("Device", device).add("State", state).build());
    }
}
