package org.dialerd.core.store.reference;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.store.CampaignStore;

/**
 * Campaign configuration answered from {@link ReferenceData}, the call figures (queueWait) from
 * the database. Falls back to the database store when a table it needs is not in memory (never
 * read, or waiting for a reload after one of dialerd's own writes), and for getcampaignlist
 * filters whose SQL meaning it does not reproduce exactly: a name filter with LIKE wildcards
 * ({@code %}, {@code _}, {@code \}) or with non-ASCII text on either side (utf8mb4_general_ci folds
 * accents), and a date that is not a valid calendar date.
 */
public final class CachedCampaignStore implements CampaignStore {
    private static final Set<ReferenceTable> LIST = EnumSet.of(ReferenceTable.CAMPAIGN, ReferenceTable.CAMPAIGN_ENTRY);
    private static final Set<ReferenceTable> QUEUES = EnumSet.of(ReferenceTable.QUEUE_CALL_ENTRY);
    private static final Set<ReferenceTable> OUTGOING = EnumSet.of(ReferenceTable.CAMPAIGN,
            ReferenceTable.CAMPAIGN_EXTERNAL_URL, ReferenceTable.CAMPAIGN_FORM, ReferenceTable.FORM,
            ReferenceTable.FORM_FIELD);
    private static final Set<ReferenceTable> INCOMING = EnumSet.of(ReferenceTable.CAMPAIGN_ENTRY,
            ReferenceTable.QUEUE_CALL_ENTRY, ReferenceTable.CAMPAIGN_EXTERNAL_URL, ReferenceTable.CAMPAIGN_FORM_ENTRY,
            ReferenceTable.FORM, ReferenceTable.FORM_FIELD);

    private final ReferenceData data;
    private final CampaignStore database;

    public CachedCampaignStore(ReferenceData data, CampaignStore database) {
        this.data = data;
        this.database = database;
    }

    @Override
    public List<CampaignSummary> findCampaigns(CampaignQuery query) {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(LIST);
        if (snapshot.isEmpty()) {
            return database.findCampaigns(query);
        }
        Optional<LocalDate> from = date(query.startsOnOrAfter());
        Optional<LocalDate> before = date(query.startsBefore());
        if ((query.startsOnOrAfter().isPresent() && from.isEmpty())
                || (query.startsBefore().isPresent() && before.isEmpty())) {
            return database.findCampaigns(query);
        }
        Optional<String> name = query.nameContains().map(text -> text.toLowerCase(Locale.ROOT));
        if (name.isPresent() && !nameFilterIsPlain(query.nameContains().get())) {
            return database.findCampaigns(query);
        }
        List<CampaignSummary> found = new ArrayList<>();
        for (ReferenceSnapshot.Listed campaign : snapshot.get().listed()) {
            if (!query.types().contains(campaign.summary().type())) {
                continue;
            }
            if (name.isPresent()) {
                if (!campaign.asciiName()) {
                    return database.findCampaigns(query);
                }
                if (!campaign.lowerName().contains(name.get())) {
                    continue;
                }
            }
            if (query.status().isPresent() && !query.status().get().equalsIgnoreCase(campaign.summary().status())) {
                continue;
            }
            if (from.isPresent() && campaign.startDate().isBefore(from.get())) {
                continue;
            }
            if (before.isPresent() && !campaign.startDate().isBefore(before.get())) {
                continue;
            }
            found.add(campaign.summary());
        }
        return page(found, query.page());
    }

    @Override
    public List<IncomingQueue> findIncomingQueues(Page page) {
        return data.snapshotWith(QUEUES).map(s -> page(s.queues(), page))
                .orElseGet(() -> database.findIncomingQueues(page));
    }

    @Override
    public Optional<String> findQueueScript(String queue) {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(QUEUES);
        return snapshot.isPresent() ? snapshot.get().queueScript(queue) : database.findQueueScript(queue);
    }

    @Override
    public Optional<Campaign> findCampaign(CampaignType type, long id) {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(type == CampaignType.OUTGOING ? OUTGOING : INCOMING);
        return snapshot.isPresent() ? snapshot.get().campaign(type, id) : database.findCampaign(type, id);
    }

    @Override
    public QueueWait queueWait(CampaignType type, long campaignId) {
        return database.queueWait(type, campaignId);
    }

    /** A LIKE pattern without wildcards or escapes, in ASCII: a case-insensitive "contains". */
    private static boolean nameFilterIsPlain(String text) {
        return ReferenceSnapshot.isAscii(text) && text.indexOf('%') < 0 && text.indexOf('_') < 0
                && text.indexOf('\\') < 0;
    }

    /** A yyyy-mm-dd calendar date; empty when absent or not one (the database then decides). */
    private static Optional<LocalDate> date(Optional<String> text) {
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static <T> List<T> page(List<T> rows, Page page) {
        long from = Math.min(page.offset(), rows.size());
        long left = rows.size() - from;
        long count = page.limit().isPresent() ? Math.min(left, page.limit().getAsLong()) : left;
        return rows.subList((int) from, (int) (from + count));
    }
}
