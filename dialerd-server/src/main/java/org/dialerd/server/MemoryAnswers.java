package org.dialerd.server;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.dialerd.core.store.answers.AnswerCache;
import org.dialerd.core.store.reference.ReferenceData;
import org.dialerd.core.store.reference.ReferenceTable;
import org.dialerd.eccp.protocol.RequestName;

/**
 * Which requests memory answers right now:
 * <ul>
 *   <li>those that read only reference tables, while every table they read is loaded and not
 *       waiting for a reload after one of dialerd's own writes. The dispatcher does not make them
 *       wait for the journal's writes (they read no row the engine writes);</li>
 *   <li>the database-backed answers the {@link AnswerCache} keeps (getcallinfo, getcampaignstatus,
 *       getincomingqueuestatus, getagentactivitysummary, getcampaignqueuewait), while the cache serves and the journal has
 *       no write waiting to be applied: then waiting for the journal would return at once, and
 *       what the cache holds is what the database would answer. A miss (arguments not asked
 *       since the last change) reads the database, one indexed statement, on the worker pool.</li>
 * </ul>
 */
final class MemoryAnswers implements Predicate<RequestName> {
    private static final Set<ReferenceTable> CAMPAIGNS = EnumSet.of(ReferenceTable.CAMPAIGN,
            ReferenceTable.CAMPAIGN_ENTRY, ReferenceTable.QUEUE_CALL_ENTRY, ReferenceTable.CAMPAIGN_EXTERNAL_URL,
            ReferenceTable.FORM, ReferenceTable.FORM_FIELD, ReferenceTable.CAMPAIGN_FORM,
            ReferenceTable.CAMPAIGN_FORM_ENTRY);
    private static final Map<RequestName, Set<ReferenceTable>> TABLES = tables();

    private static final Set<RequestName> CACHED = EnumSet.of(RequestName.GETCALLINFO,
            RequestName.GETCAMPAIGNSTATUS, RequestName.GETINCOMINGQUEUESTATUS, RequestName.GETAGENTACTIVITYSUMMARY,
            RequestName.GETCAMPAIGNQUEUEWAIT);

    private final ReferenceData data;
    private final AnswerCache answers;
    private final IntSupplier pendingWrites;

    /** @param pendingWrites the journal's records not yet applied */
    MemoryAnswers(ReferenceData data, AnswerCache answers, IntSupplier pendingWrites) {
        this.data = data;
        this.answers = answers;
        this.pendingWrites = pendingWrites;
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
        if (CACHED.contains(name)) {
            return answers.serving() && pendingWrites.getAsInt() == 0;
        }
        Set<ReferenceTable> needed = TABLES.get(name);
        return needed != null && data.snapshotWith(needed).isPresent();
    }
}
