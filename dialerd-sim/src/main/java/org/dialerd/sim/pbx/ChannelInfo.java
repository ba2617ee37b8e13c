package org.dialerd.sim.pbx;

/** Read-only accessors for listing actions (CoreShowChannels, Status) outside the package. */
public final class ChannelInfo {

    private ChannelInfo() {
    }

    public static long createdAt(Channel ch) {
        return ch.createdAtMillis;
    }

    public static String application(Channel ch) {
        return ch.application;
    }

    public static String appData(Channel ch) {
        return ch.applicationData;
    }

    public static java.util.Map<String, String> variables(Channel ch) {
        return ch.variables;
    }
}
