package org.dialerd.it.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.dialerd.jmh.ami.AmiIngestRun;
import org.junit.jupiter.api.Test;

/**
 * 100,000 recorded events written to the AMI socket as fast as TCP takes them, with a Getvar
 * every 2 ms on the same connection, through the real {@code AmiGateway} to its listener: every
 * event arrives once and in order, every action gets its own answer, nothing is left over. The
 * rate is printed, not asserted (it is a benchmark: docs/benchmarks.md, AmiIngestBench).
 *
 * <p>The action timeout is generous on purpose: a response travels behind the events Asterisk
 * wrote before it (they fill the TCP buffers during a blast), and on a busy build machine that
 * can take seconds; what is checked here is that none is lost.
 */
class AmiIngestIT {

    @Test
    void everyEventArrivesInOrderAndEveryActionIsAnsweredUnderAFlatOutBlast() throws Exception {
        AmiIngestRun.Result result = AmiIngestRun.run(100_000, Duration.ofMillis(2), Duration.ofSeconds(120),
                Duration.ofSeconds(60));
        System.out.println("AmiIngestIT: " + result);

        assertEquals(result.eventsExpected(), result.eventsReceived(), "events delivered");
        assertEquals(0, result.outOfOrder(), "events out of order");
        assertEquals(result.actionsSent(), result.actionsAnswered(), "actions answered");
        assertEquals(0, result.wrongAnswers(), "answers matched to the wrong action");
        assertEquals(0, result.unknownResponses() + result.lateResponses() + result.timedOutActions(),
                "responses unknown, late or missing");
    }
}
