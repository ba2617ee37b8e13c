package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginateFailureTest {
    @Test
    void reasonCodesBecomeStatusCauseAndText() {
        assertEquals(new OriginateFailure(CallStatus.FAILURE, 17, "User busy"), OriginateFailure.of(5, Optional.empty()));
        assertEquals(new OriginateFailure(CallStatus.NO_ANSWER, 19, "No answer"),
                OriginateFailure.of(3, Optional.empty()));
        assertEquals(new OriginateFailure(CallStatus.FAILURE, 34, "Congestion"),
                OriginateFailure.of(8, Optional.empty()));
        assertEquals(new OriginateFailure(CallStatus.FAILURE, 0, "Failed"), OriginateFailure.of(0, Optional.empty()));
    }

    @Test
    void refusedOriginateKeepsAsteriskMessageCutToTheColumn() {
        OriginateFailure refused = OriginateFailure.of(0, Optional.of("Originate refused: Extension does not exist."));
        assertEquals(CallStatus.FAILURE, refused.status());
        assertEquals("Originate refused: Extension doe", refused.causeText());
        assertEquals(32, refused.causeText().length());
    }
}
