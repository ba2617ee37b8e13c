package org.dialerd.sim;

import org.dialerd.sim.pbx.Dialplan;
import org.dialerd.sim.pbx.Parking;
import org.dialerd.sim.pbx.QueueConfig;

/** The configuration of the Asterisk that made the recordings (see ami-traces/README.md). */
final class RecordedSetup {

    private RecordedSetup() {
    }

    static void apply(Scenario s) {
        Dialplan dp = s.dialplan();
        dp.context("customers")
                .exten("5550001", "NoOp()", "Busy(10)")
                .exten("5550002", "NoOp()", "Ringing()", "Wait(60)", "Hangup()")
                .exten("5550003", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(2)", "Hangup()")
                .exten("5550004", "NoOp()", "Congestion(10)")
                .exten("5550005", "NoOp()", "Ringing()", "Wait(3)", "Hangup(21)")
                .exten("_556XXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(${EXTEN:3})", "Hangup()")
                .exten("_X.", "NoOp()", "Ringing()", "Wait(2)", "Answer()", "Wait(20)", "Hangup()");
        dp.context("agents")
                .exten("_1XXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(3600)", "Hangup()")
                .exten("_2XXX", "NoOp()", "Ringing()", "Wait(120)", "Hangup()")
                .exten("_3XXX", "NoOp()", "Busy(10)");
        dp.context("agent-request").exten("_9XXX", "AgentRequest(${EXTEN})", "Hangup()");
        dp.context("agentlogin").exten("_9XXX", "NoOp()", "Answer()", "AgentLogin(${EXTEN},s)", "Hangup()");
        dp.context("from-queue").exten("_800X", "NoOp(campaign=${ID_CAMPAIGN} call=${ID_CALL})",
                "Queue(${EXTEN},tT,,,300)", "Hangup()");
        dp.context("campaign").include("from-queue");
        dp.context("incoming").exten("_X.", "NoOp()", "Set(CALLERID(num)=${EXTEN})", "Set(CALLERID(name)=Caller ${EXTEN})",
                "Answer()", "Queue(8001,tT,,,300)", "Hangup()");
        dp.context("util").exten("wait", "Answer()", "Wait(3600)").exten("echo", "Answer()", "Echo()");
        dp.context("xfer")
                .exten("_1XXX", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()")
                .exten("_800X", "NoOp()", "Queue(${EXTEN},tT,,,300)", "Hangup()");
        // res_parking's lot "default" registers ParkedCall for its spaces in its context.
        Dialplan.Context parked = dp.context(Parking.CONTEXT);
        for (int space = Parking.FIRST_SPACE; space <= Parking.LAST_SPACE; space++) {
            parked.exten(Integer.toString(space), "ParkedCall(default," + space + ")");
        }
        s.queue(QueueConfig.of("8000", QueueConfig.Strategy.RRMEMORY));
        s.queue(QueueConfig.of("8001", QueueConfig.Strategy.RINGALL));
        s.agent("9000", "Agent 9000");
        s.agent("9001", "Agent 9001");
    }
}
