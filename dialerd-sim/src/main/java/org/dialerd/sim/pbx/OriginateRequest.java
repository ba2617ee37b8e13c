package org.dialerd.sim.pbx;

import java.util.List;

/** The fields of an Originate action the simulator acts on. */
public record OriginateRequest(String actionId, String channel, String context, String exten, int priority,
                               String application, String data, String callerIdName, String callerIdNum,
                               long timeoutMillis, boolean async, List<String> variables, String channelId,
                               String otherChannelId) {

    /** Parses {@code "Campaign 1" <5551234>}, {@code Name <num>} or a bare number. */
    public static String[] parseCallerId(String cid) {
        if (cid == null || cid.isBlank()) {
            return new String[] {null, null};
        }
        int lt = cid.indexOf('<');
        int gt = cid.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            String name = cid.substring(0, lt).trim();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {name, cid.substring(lt + 1, gt).trim()};
        }
        return new String[] {"", cid.trim()};
    }

    public boolean hasApplication() {
        return application != null && !application.isEmpty();
    }
}
