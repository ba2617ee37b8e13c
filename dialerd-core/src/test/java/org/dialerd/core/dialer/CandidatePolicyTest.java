package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatePolicyTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 10, 12, 0);
    private static final CallWindow MATCHING = new CallWindow(null, null, LocalTime.of(11, 0), LocalTime.of(13, 0));
    private static final CallWindow LATER_TODAY = new CallWindow(null, null, LocalTime.of(15, 0), null);

    private static CandidateCall call(long id, String phone, String status, long retries) {
        return new CandidateCall(id, phone, status, retries, false, false, CallWindow.NONE);
    }

    private static List<Long> ids(List<CandidateCall> calls) {
        return calls.stream().map(CandidateCall::id).toList();
    }

    @Test
    void callsInProgressOrSucceededAreNotRedialled() {
        List<CandidateCall> calls = List.of(call(1, "1", null, 0), call(2, "2", "Success", 0),
                call(3, "3", "Placing", 0), call(4, "4", "Ringing", 0), call(5, "5", "OnQueue", 0),
                call(6, "6", "OnHold", 0), call(7, "7", "Failure", 0), call(8, "8", "NoAnswer", 0),
                call(9, "9", "ShortCall", 0), call(10, "10", "Abandoned", 0));
        assertEquals(List.of(1L, 7L, 8L, 9L, 10L), ids(CandidatePolicy.eligible(calls, 3, NOW)));
    }

    @Test
    void callsOutOfRetriesDncOrForAnAgentAreNotEligible() {
        List<CandidateCall> calls = List.of(call(1, "1", "Failure", 2), call(2, "2", "Failure", 3),
                new CandidateCall(3, "3", null, 0, true, false, CallWindow.NONE),
                new CandidateCall(4, "4", null, 0, false, true, CallWindow.NONE));
        assertEquals(List.of(1L), ids(CandidatePolicy.eligible(calls, 3, NOW)));
    }

    @Test
    void callsWhoseWindowMatchesComeFirstThenFewerRetriesThenId() {
        List<CandidateCall> calls = List.of(call(1, "1", "Failure", 1), call(2, "2", null, 0),
                new CandidateCall(3, "3", "NoAnswer", 2, false, false, MATCHING),
                new CandidateCall(4, "4", null, 0, false, false, MATCHING),
                new CandidateCall(5, "5", null, 0, false, false, LATER_TODAY), call(6, "6", null, 0));
        assertEquals(List.of(4L, 3L, 2L, 6L, 1L), ids(CandidatePolicy.eligible(calls, 3, NOW)));
    }

    @Test
    void skipsDoNotCallNumbersComparingDigitsOnly() {
        List<CandidateCall> calls = List.of(CandidateCall.fresh(1, "(099) 555-1234"), CandidateCall.fresh(2, "0995550000"));
        CandidatePolicy.Selection selection = CandidatePolicy.select(calls, 1, NOW, List.of("099 555 1234"),
                List.of(), 5);
        assertEquals(List.of(2L), ids(selection.chosen()));
        assertEquals(CandidatePolicy.SkipReason.DO_NOT_CALL, selection.skipped().get(0).reason());
    }

    @Test
    void aRoundsDoNotCallListSkipsTheSameNumbersAndKeepsItsStoredValuesAsASet() {
        List<CandidateCall> calls = List.of(CandidateCall.fresh(1, "(099) 555-1234"), CandidateCall.fresh(2, "0995550000"));
        DoNotCallList list = new DoNotCallList(java.util.Set.of("099 555 1234"));

        for (int round = 0; round < 2; round++) { // the second call reuses the normalised form
            CandidatePolicy.Selection selection = CandidatePolicy.select(calls, 1, NOW, list, List.of(), 5);
            assertEquals(List.of(2L), ids(selection.chosen()));
            assertEquals(CandidatePolicy.SkipReason.DO_NOT_CALL, selection.skipped().get(0).reason());
        }
        assertEquals(java.util.Set.of("099 555 1234"), list);
        assertEquals(java.util.Set.of("0995551234"), list.normalized());
    }

    @Test
    void skipsNumbersAlreadyBeingDialledOrAlreadyChosen() {
        List<CandidateCall> calls = List.of(CandidateCall.fresh(1, "555-0001"), CandidateCall.fresh(2, "5550001"),
                CandidateCall.fresh(3, "555 0002"), CandidateCall.fresh(4, "5550003"));
        CandidatePolicy.Selection selection = CandidatePolicy.select(calls, 1, NOW, List.of(), List.of("5550002"), 5);
        assertEquals(List.of(1L, 4L), ids(selection.chosen()));
        assertEquals(List.of(2L, 3L), selection.skipped().stream().map(s -> s.call().id()).toList());
        assertTrue(selection.skipped().stream().allMatch(s -> s.reason() == CandidatePolicy.SkipReason.DUPLICATE));
    }

    @Test
    void choosesAtMostTheNumberWanted() {
        List<CandidateCall> calls = List.of(CandidateCall.fresh(1, "1"), CandidateCall.fresh(2, "2"),
                CandidateCall.fresh(3, "3"));
        assertEquals(List.of(1L, 2L), ids(CandidatePolicy.select(calls, 1, NOW, List.of(), List.of(), 2).chosen()));
        assertEquals(List.of(), CandidatePolicy.select(calls, 1, NOW, List.of(), List.of(), 0).chosen());
    }

    @Test
    void campaignWithNothingLeftAndNothingInProgressIsFinished() {
        List<CandidateCall> calls = List.of(call(1, "1", "Success", 0), call(2, "2", "Failure", 3),
                CandidateCall.fresh(3, "555"));
        assertTrue(CandidatePolicy.isFinished(calls, List.of(), 3, NOW, List.of("555"), 0));
        assertFalse(CandidatePolicy.isFinished(calls, List.of(), 3, NOW, List.of("555"), 1));
        assertFalse(CandidatePolicy.isFinished(calls, List.of(), 3, NOW, List.of(), 0));
        assertFalse(CandidatePolicy.isFinished(List.of(), calls, 3, NOW, List.of(), 0), "either read keeps it open");
    }

    @Test
    void callWaitingForItsWindowKeepsTheCampaignOpen() {
        CandidateCall tomorrow = new CandidateCall(1, "1", null, 0, false, false,
                new CallWindow(LocalDate.of(2024, 5, 11), null, null, null));
        CandidateCall expired = new CandidateCall(2, "2", null, 0, false, false,
                new CallWindow(null, LocalDate.of(2024, 5, 9), null, null));
        assertFalse(CandidatePolicy.isFinished(List.of(), List.of(tomorrow), 1, NOW, List.of(), 0));
        assertTrue(CandidatePolicy.isFinished(List.of(), List.of(expired), 1, NOW, List.of(), 0));
    }
}
