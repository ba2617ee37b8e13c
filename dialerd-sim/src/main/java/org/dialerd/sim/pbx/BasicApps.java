package org.dialerd.sim.pbx;

/** The small applications of the recorded dialplans: Ringing, Wait, Answer, Hangup, Busy, Set. */
final class BasicApps {

    /** __ast_answer waits up to 500 ms for the first media frame when nothing sends any. */
    static final long ANSWER_MEDIA_WAIT_MS = 500;

    private final Pbx pbx;

    BasicApps(Pbx pbx) {
        this.pbx = pbx;
    }

    void ringing(AppRun run) {
        Channel ch = run.channel();
        if (ch.name.endsWith(";2")) {
            pbx.locals().ringing(ch);
        } else if (ch.state != ChannelState.UP) {
            pbx.ops().setState(ch, ChannelState.RINGING);
        }
        run.next();
    }

    void await(AppRun run) {
        double seconds = parseSeconds(run.arg(0));
        if (seconds <= 0) {
            run.next();
            return;
        }
        run.after(Math.round(seconds * 1000), run::next);
    }

    void answer(AppRun run) {
        Channel ch = run.channel();
        boolean wasUp = ch.state == ChannelState.UP;
        pbx.locals().answer(ch);
        if (!wasUp && !ch.peerSendsMedia) {
            run.after(ANSWER_MEDIA_WAIT_MS, run::next);
        } else {
            run.next();
        }
    }

    void hangup(AppRun run) {
        String a = run.arg(0);
        int cause = a.isEmpty() ? HangupCause.NORMAL_CLEARING : Integer.parseInt(a);
        Channel ch = run.channel();
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        pbx.ops().publishSoftHangup(ch, HangupCause.NORMAL_CLEARING);
        run.hangup(cause);
    }

    /** Busy()/Congestion(): indicate, then hang up after the timeout unless the caller goes first. */
    void busy(AppRun run, boolean congestion) {
        Channel ch = run.channel();
        ch.hangupCause = congestion ? HangupCause.CONGESTION : HangupCause.USER_BUSY;
        if (ch.name.endsWith(";2")) {
            pbx.locals().busy(ch, congestion);
        } else {
            pbx.ops().setState(ch, ChannelState.BUSY);
        }
        double seconds = parseSeconds(run.arg(0));
        run.after(Math.round((seconds > 0 ? seconds : 10) * 1000), () -> run.hangup(ch.hangupCause));
    }

    void set(AppRun run) {
        Channel ch = run.channel();
        String args = run.args();
        int eq = args.indexOf('=');
        if (eq > 0) {
            String name = args.substring(0, eq).trim();
            String value = args.substring(eq + 1);
            if (name.equalsIgnoreCase("CALLERID(num)")) {
                if (!value.equals(ch.callerNum)) {
                    ch.callerNum = value;
                    pbx.events().newCallerid(ch);
                }
            } else if (name.equalsIgnoreCase("CALLERID(name)")) {
                if (!value.equals(ch.callerName)) {
                    ch.callerName = value;
                    pbx.events().newCallerid(ch);
                }
            } else {
                ch.variables.put(name.startsWith("__") ? name.substring(2) : name, value);
            }
        }
        run.next();
    }

    /** Echo() never ends by itself; the channel stays until someone hangs it up. */
    void echo(AppRun run) {
        if (run.channel().state != ChannelState.UP) {
            pbx.locals().answer(run.channel());
        }
    }

    static double parseSeconds(String s) {
        try {
            return s.isEmpty() ? 0 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
