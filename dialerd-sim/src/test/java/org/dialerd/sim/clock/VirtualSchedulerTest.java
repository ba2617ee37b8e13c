package org.dialerd.sim.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    @Test
    void runsTasksInTimeOrderThenSchedulingOrder() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> ran = new ArrayList<>();
        s.schedule(200, () -> ran.add("b"));
        s.schedule(100, () -> ran.add("a1"));
        s.schedule(100, () -> ran.add("a2"));
        s.advanceTo(150);
        assertEquals(List.of("a1", "a2"), ran);
        assertEquals(150, s.nowMillis());
        s.advanceTo(1000);
        assertEquals(List.of("a1", "a2", "b"), ran);
    }

    @Test
    void nextDueIsTheEarliestTaskNotCancelled() {
        VirtualScheduler s = new VirtualScheduler();
        assertEquals(VirtualScheduler.NOTHING_DUE, s.nextDueMillis());
        VirtualScheduler.Timer early = s.schedule(30, () -> { });
        s.schedule(70, () -> { });
        assertEquals(30, s.nextDueMillis());
        early.cancel();
        assertEquals(70, s.nextDueMillis());
        s.advanceTo(70);
        assertEquals(VirtualScheduler.NOTHING_DUE, s.nextDueMillis());
    }

    @Test
    void tasksSeeTheirOwnTimeAndCanScheduleMore() {
        VirtualScheduler s = new VirtualScheduler();
        List<Long> times = new ArrayList<>();
        s.schedule(100, () -> {
            times.add(s.nowMillis());
            s.schedule(50, () -> times.add(s.nowMillis()));
        });
        s.advanceTo(500);
        assertEquals(List.of(100L, 150L), times);
    }

    @Test
    void hookRunsBeforeEachMoveToALaterInstantAndWorkItSchedulesForNowRunsFirst() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> ran = new ArrayList<>();
        s.beforeTimeMoves(() -> {
            ran.add("move@" + s.nowMillis());
            if (s.nowMillis() == 100 && !ran.contains("late")) {
                s.schedule(0, () -> ran.add("late"));
            }
        });
        s.schedule(100, () -> ran.add("a1"));
        s.schedule(100, () -> ran.add("a2"));
        s.schedule(300, () -> ran.add("b"));
        s.advanceTo(400);
        assertEquals(List.of("move@0", "a1", "a2", "move@100", "late", "move@100", "b", "move@300"), ran);
        assertEquals(400, s.nowMillis());
    }

    @Test
    void cancelledTasksDoNotRun() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> ran = new ArrayList<>();
        VirtualScheduler.Timer t = s.schedule(10, () -> ran.add("x"));
        t.cancel();
        s.advanceTo(100);
        assertEquals(List.of(), ran);
        assertEquals(0, s.pending());
    }
}
