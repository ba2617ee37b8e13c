package org.dialerd.server;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.dialerd.core.store.reference.ReferenceData;
import org.dialerd.core.store.reference.ReferenceTable;
import org.dialerd.eccp.protocol.RequestName;

/**
 * Which requests the reference data in memory answers right now: those that read only reference
 * tables, while every table they read is loaded and not waiting for a reload after one of
 * dialerd's own writes. The dispatcher does not make them wait for the journal's writes (they read
 * no row the engine writes).
 */
final class MemoryAnswers implements Predicate<RequestName> {
    private static final Set<ReferenceTable> CAMPAIGNS = EnumSet.of(ReferenceTable.CAMPAIGN,
            ReferenceTable.CAMPAIGN_ENTRY, ReferenceTable.QUEUE_CALL_ENTRY, ReferenceTable.CAMPAIGN_EXTERNAL_URL,
            ReferenceTable.FORM, ReferenceTable.FORM_FIELD, ReferenceTable.CAMPAIGN_FORM,
            ReferenceTable.CAMPAIGN_FORM_ENTRY);
    private static final Map<RequestName, Set<ReferenceTable>> TABLES = tables();

    private final ReferenceData data;

    MemoryAnswers(ReferenceData data) {
        this.data = data;
    }

    private static Map<RequestName, Set<ReferenceTable>> tables() {
        Map<RequestName, Set<ReferenceTable>> tables = new EnumMap<>(RequestName.class);
        tables.put(RequestName.GETCAMPAIGNLIST, EnumSet.of(ReferenceTable.CAMPAIGN, ReferenceTable.CAMPAIGN_ENTRY));
        tables.put(RequestName.GETCAMPAIGNINFO, CAMPAIGNS);
        tables.put(RequestName.GETQUEUESCRIPT, EnumSet.of(ReferenceTable.QUEUE_CALL_ENTRY));
        tables.put(RequestName.GETINCOMINGQUEUELIST, EnumSet.of(ReferenceTable.QUEUE_CALL_ENTRY));
        tables.put(RequestName.GETPAUSES, EnumSet.of(ReferenceTable.BREAK));
        return Map.copyOf(tables);
    }

    @Override
    public boolean test(RequestName name) {
        Set<ReferenceTable> needed = TABLES.get(name);
        return needed != null && data.snapshotWith(needed).isPresent();
    }
}
