package org.dialerd.core.store.reference;

/**
 * The tables the web UI edits and dialerd reads as reference data: each is fingerprinted and
 * reloaded on its own when its fingerprint changes.
 */
public enum ReferenceTable {
    AGENT("agent"),
    BREAK("break"),
    CAMPAIGN("campaign"),
    CAMPAIGN_ENTRY("campaign_entry"),
    QUEUE_CALL_ENTRY("queue_call_entry"),
    CAMPAIGN_EXTERNAL_URL("campaign_external_url"),
    FORM("form"),
    FORM_FIELD("form_field"),
    CAMPAIGN_FORM("campaign_form"),
    CAMPAIGN_FORM_ENTRY("campaign_form_entry");

    private final String tableName;

    ReferenceTable(String tableName) {
        this.tableName = tableName;
    }

    /** The table's name in the call_center database. */
    public String tableName() {
        return tableName;
    }
}
