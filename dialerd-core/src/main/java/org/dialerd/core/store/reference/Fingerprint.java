package org.dialerd.core.store.reference;

/**
 * What a table looks like in one cheap aggregate: its row count, highest id and the XOR of a
 * CRC32 over each row's columns that dialerd reads. Any insert, delete or edit of those columns
 * changes it (barring a CRC collision); edits of columns dialerd does not read do not.
 */
public record Fingerprint(long rows, long maxId, long checksum) {}
