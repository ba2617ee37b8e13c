package org.dialerd.core.store;

import java.time.LocalDateTime;

/** {@code call_recording}: one row per MixMonitor recording of a tracked call. */
public interface RecordingStore {
    /** Exactly one of {@code incomingCallId} / {@code outgoingCallId} is set. */
    void recording(Long incomingCallId, Long outgoingCallId, String uniqueId, String channel, String file,
                   LocalDateTime when);
}
