package org.dialerd.db.store;

import java.time.LocalDateTime;
import org.dialerd.core.store.RecordingStore;

/** {@code call_recording}. */
public final class JdbcRecordingStore implements RecordingStore {
    private final Jdbc jdbc;

    public JdbcRecordingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recording(Long incomingCallId, Long outgoingCallId, String uniqueId, String channel, String file,
                          LocalDateTime when) {
        jdbc.update("INSERT INTO call_recording (datetime_entry, id_call_incoming, id_call_outgoing, uniqueid, "
                + "channel, recordingfile) VALUES (?, ?, ?, ?, ?, ?)", when, incomingCallId, outgoingCallId,
                cut(uniqueId, 32), cut(channel, 80), cut(file, 255));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
