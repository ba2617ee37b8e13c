package org.dialerd.sim.pbx;

/**
 * Turns a dial string into an outgoing channel: {@code Local/exten@context} (a Local pair whose
 * ";2" runs the dialplan) or {@code PJSIP/1001} (a simulated phone). Anything else has no
 * channel driver, as SIP/ has none on the recorded Asterisk 22.
 */
public final class Dialer {

    private final Pbx pbx;

    Dialer(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Creates the channel (publishing Newchannel) or returns null if the technology is unknown. */
    public Channel create(String dialString, String linkedid, String uid1, String uid2) {
        int slash = dialString.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String tech = dialString.substring(0, slash);
        String resource = dialString.substring(slash + 1);
        if (tech.equalsIgnoreCase("Local")) {
            int at = resource.indexOf('@');
            String exten = at < 0 ? resource : resource.substring(0, at);
            String context = at < 0 ? "default" : resource.substring(at + 1);
            int opt = context.indexOf('/');
            if (opt >= 0) {
                context = context.substring(0, opt);
            }
            return pbx.locals().create(exten, context, linkedid, uid1, uid2);
        }
        if (tech.equalsIgnoreCase("PJSIP")) {
            return pbx.endpoints().create(resource, linkedid, uid1);
        }
        return null;
    }

    /** Lets the far end act: runs the Local ";2" dialplan or the phone's behaviour. */
    public void startRemote(Channel ch) {
        if (ch.localPeer != null) {
            Channel two = ch.localPeer;
            pbx.runner().start(two, two.context, two.exten, 1);
        } else {
            pbx.endpoints().call(ch);
        }
    }
}
