package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs dialplan on channels (what Asterisk's pbx thread per channel does): looks up the
 * extension, publishes Newexten, runs the application, moves to the next priority. Owns the
 * channel while it runs and winds it down on hang-up: the running application cleans up first
 * (a queue caller abandons, a bridge is left), then SoftHangupRequest and Hangup.
 */
public final class DialplanRunner implements ChannelOps.HangupHandler {

    private static final Logger log = LoggerFactory.getLogger(DialplanRunner.class);

    private final Pbx pbx;

    DialplanRunner(Pbx pbx) {
        this.pbx = pbx;
    }

    Pbx pbx() {
        return pbx;
    }

    long generation(Channel ch) {
        return ch.generation;
    }

    /** Starts the dialplan at context,exten,priority. */
    public void start(Channel ch, String context, String exten, int priority) {
        if (!ch.hasPbx) {
            pbx.countProcessedCall();
        }
        ch.hasPbx = true;
        ch.owner = this;
        ch.setLocation(context, exten, priority);
        continueAt(ch, priority);
    }

    /** Originate with Application=: runs one application, then hangs the channel up. */
    public void runApplication(Channel ch, String app, String data) {
        ch.appOnly = true;
        ch.owner = this;
        exec(ch, new Dialplan.Step(app, data));
    }

    /** Redirect/transfer: stop what runs now (without hanging up) and go to a new place. */
    public void redirect(Channel ch, String context, String exten, int priority) {
        redirect(ch, context, exten, priority, null, null, null, 0);
    }

    /**
     * Redirect, optionally of a second channel (ExtraChannel). Channels leave their bridge already
     * showing the new location; whoever stays in a bridge left by a redirected channel is hung up.
     */
    public void redirect(Channel ch, String context, String exten, int priority,
                         Channel extra, String extraContext, String extraExten, int extraPriority) {
        Bridge old = ch.bridge;
        ch.setLocation(context, exten, priority);
        List<Channel> rest = new ArrayList<>(BridgeExit.takeOut(pbx, ch));
        if (extra != null) {
            extra.setLocation(extraContext, extraExten, extraPriority);
            if (rest.remove(extra)) {
                BridgeExit.takeOut(pbx, extra);
            }
        }
        if (old != null) {
            BridgeExit.hangUpRest(pbx, old, rest);
        }
        goTo(ch, context, exten, priority);
        if (extra != null) {
            if (extra.bridge != null) {
                BridgeExit.hangUpRest(pbx, extra.bridge, BridgeExit.takeOut(pbx, extra));
            }
            goTo(extra, extraContext, extraExten, extraPriority);
        }
    }

    private void goTo(Channel ch, String context, String exten, int priority) {
        interrupt(ch);
        ch.appOnly = false;
        start(ch, context, exten, priority);
    }

    void continueAt(Channel ch, int priority) {
        if (ch.hungUp) {
            return;
        }
        if (ch.appOnly) {
            ch.generation++;
            pbx.ops().hangup(ch);
            return;
        }
        ch.priority = priority;
        // Frames Wait()/Answer() deferred are read once the next priority starts.
        pbx.locals().applyDeferredCaller(ch);
        Optional<Dialplan.Step> step = pbx.dialplan().find(ch.context, ch.exten).flatMap(e -> e.step(priority));
        if (step.isEmpty()) {
            finish(ch, HangupCause.NORMAL_CLEARING);
            return;
        }
        exec(ch, step.get());
    }

    private void exec(Channel ch, Dialplan.Step step) {
        String args = Substitution.apply(step.args(), ch);
        ch.application = step.app();
        ch.applicationData = args;
        if (!ch.appOnly) {
            pbx.events().newexten(ch, step.app(), args);
        }
        ch.generation++;
        AppRun run = new AppRun(this, ch, args, ch.generation);
        ch.run = run;
        App app = pbx.apps().find(step.app());
        if (app == null) {
            log.warn("pbx: no application {} (channel {}), hanging up", step.app(), ch.name);
            finish(ch, HangupCause.NORMAL_CLEARING);
            return;
        }
        app.exec(run);
    }

    /** The pbx ends: SoftHangupRequest (once), then Hangup. */
    void finish(Channel ch, int cause) {
        ch.generation++;
        ch.run = null;
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        if (!ch.appOnly) {
            pbx.ops().publishSoftHangup(ch, HangupCause.NORMAL_CLEARING);
        }
        // A frame Wait() deferred is applied as the channel goes: Hangup already shows it.
        String[] deferred = ch.deferredCaller;
        ch.deferredCaller = null;
        boolean changed = deferred != null && !(deferred[0].equals(ch.callerNum) && deferred[1].equals(ch.callerName));
        if (changed) {
            ch.setCaller(deferred[0], deferred[1]);
        }
        pbx.ops().hangup(ch);
        if (changed) {
            pbx.events().newCallerid(ch);
        }
    }

    private void interrupt(Channel ch) {
        AppRun run = ch.run;
        ch.generation++;
        ch.run = null;
        ch.cancelTimers();
        if (run != null) {
            Runnable hook = run.interruptHook();
            if (hook != null) {
                hook.run();
            }
        }
    }

    @Override
    public void hangupRequested(Channel ch, int cause) {
        interrupt(ch);
        if (ch.bridge != null) {
            pbx.bridges().leave(ch);
        }
        finish(ch, cause);
    }

    @Override
    public void channelHungUp(Channel ch) {
        ch.run = null;
    }
}
