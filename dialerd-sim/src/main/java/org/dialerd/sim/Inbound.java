package org.dialerd.sim;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialerd.sim.engine.SimEngine;
import org.dialerd.sim.pbx.Dialplan;
import org.dialerd.sim.pbx.OriginateRequest;

/**
 * Incoming calls the way the recordings made them: Originate Local/<num>@<ctx> with
 * Application=Wait(patience); the ;2 half runs a context that sets the caller id, answers and
 * enters the queue. One such context per queue is added to the dialplan on first use.
 */
final class Inbound {

    private final SimEngine engine;
    private final Dialplan dialplan;
    private final Set<String> contexts = new HashSet<>();
    private long seq;

    Inbound(SimEngine engine, Dialplan dialplan) {
        this.engine = engine;
        this.dialplan = dialplan;
    }

    String call(String callerNum, String queue, Duration patience) {
        return engine.call(() -> {
            String ctx = "sim-inbound-" + queue;
            if (contexts.add(ctx)) {
                dialplan.context(ctx).exten("_X.", "NoOp()", "Set(CALLERID(num)=${EXTEN})",
                        "Set(CALLERID(name)=Caller ${EXTEN})", "Answer()", "Queue(" + queue + ",tT,,,300)", "Hangup()");
            }
            int before = engine.pbx().channels().size();
            OriginateRequest req = new OriginateRequest("sim-inbound-" + (++seq), "Local/" + callerNum + "@" + ctx,
                    null, null, 1, "Wait", Long.toString(Math.max(1, patience.toSeconds())), null, null, 30_000,
                    true, List.of(), null, null);
            engine.pbx().originator().originate(req, null);
            return engine.pbx().channels().at(before).map(c -> c.name()).orElse("");
        });
    }
}
