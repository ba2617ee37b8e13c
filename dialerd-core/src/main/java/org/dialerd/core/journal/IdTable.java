package org.dialerd.core.journal;

/**
 * The tables whose row ids dialerd assigns itself (instead of AUTO_INCREMENT), so an event can
 * name a row before the row is written and a replayed insert lands on the same id.
 */
public enum IdTable {
    AUDIT("audit"),
    CALL_ENTRY("call_entry"),
    CALL_PROGRESS_LOG("call_progress_log"),
    CURRENT_CALL_ENTRY("current_call_entry"),
    CURRENT_CALLS("current_calls"),
    CALL_RECORDING("call_recording");

    private final String tableName;

    IdTable(String tableName) {
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }
}
