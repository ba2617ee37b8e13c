package org.dialerd.core.spy;

/**
 * One live spy session of {@link SpyControl} (guarded by {@link SpySessions}'s lock). {@code channel} is learnt
 * from Newchannel (Hangup by name); {@code mode} changes with each switch, and each mode's time
 * is its own audit row ({@code auditId}: the spy id, then {@code <spy id>/2}, {@code /3}, ...).
 */
final class SpySession {
    final SpyRequest request;
    final String spyId;
    final String actionId;
    String channel = "";
    boolean connected;
    SpyMode mode;
    String auditId;
    private int periods = 1;

    SpySession(SpyRequest request, String spyId, String actionId) {
        this.request = request;
        this.spyId = spyId;
        this.actionId = actionId;
        this.mode = request.mode();
        this.auditId = spyId;
    }

    /** The audit row id of the next mode's time. */
    String nextAuditId() {
        return spyId + "/" + (++periods);
    }

    /** Asterisk finds the channel by name once Newchannel named it, by its uniqueid before. */
    String channelOrId() {
        return channel.isEmpty() ? spyId : channel;
    }
}
