package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Campaigns as configured in the web UI: outgoing ({@code campaign}), incoming
 * ({@code campaign_entry}), the incoming queues ({@code queue_call_entry}), the forms linked to
 * campaigns and the queue-wait figures of their calls. Status values are the raw database
 * letters ('A', 'I', 'T'); turning them into protocol words is the caller's business.
 */
public interface CampaignStore {
    enum CampaignType { INCOMING, OUTGOING }

    /** Rows to skip and at most how many to return (empty: all). Negative numbers count as 0. */
    record Page(long offset, OptionalLong limit) {
        public static final Page ALL = new Page(0, OptionalLong.empty());

        public Page {
            Objects.requireNonNull(limit, "limit");
            offset = Math.max(0, offset);
            limit = limit.isPresent() ? OptionalLong.of(Math.max(0, limit.getAsLong())) : limit;
        }

        public static Page of(long offset, long limit) {
            return new Page(offset, OptionalLong.of(limit));
        }
    }

    /**
     * What getcampaignlist asks for. Absent filters do not restrict. The dates are
     * {@code yyyy-mm-dd} text compared by the database with the campaign's start date, as
     * the reference does: {@code startsOnOrAfter <= datetime_init < startsBefore}.
     *
     * @param status raw estatus letter
     */
    record CampaignQuery(Set<CampaignType> types, Optional<String> nameContains, Optional<String> status,
                         Optional<String> startsOnOrAfter, Optional<String> startsBefore, Page page) {
        public CampaignQuery {
            types = Set.copyOf(types);
            Objects.requireNonNull(nameContains, "nameContains");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(startsOnOrAfter, "startsOnOrAfter");
            Objects.requireNonNull(startsBefore, "startsBefore");
            Objects.requireNonNull(page, "page");
        }
    }

    record CampaignSummary(CampaignType type, int id, String name, String status) {}

    /** @param queue the queue number; NULL in the database is empty */
    record IncomingQueue(int id, Optional<String> queue, String status) {}

    /**
     * A campaign's static configuration.
     *
     * @param queue   the campaign's queue; empty only for an incoming queue row whose number is NULL
     * @param dialing outgoing campaigns only
     * @param url     the external URL, only when the campaign has one and it is active
     * @param forms   the linked forms that have fields (a form without fields is left out)
     */
    record Campaign(CampaignType type, int id, String name, LocalDate startDate, LocalDate endDate,
                    LocalTime dailyStart, LocalTime dailyEnd, Optional<String> queue, String status, String script,
                    Optional<Dialing> dialing, Optional<ExternalUrl> url, List<Form> forms) {
        public Campaign {
            forms = List.copyOf(forms);
        }

        public Campaign withForms(List<Form> otherForms) {
            return new Campaign(type, id, name, startDate, endDate, dailyStart, dailyEnd, queue, status, script,
                    dialing, url, otherForms);
        }
    }

    /** How an outgoing campaign dials. */
    record Dialing(long retries, Optional<String> trunk, String context, long maxChannels) {}

    record ExternalUrl(String template, String openType) {}

    /**
     * A form and its fields in display order. name, description and status are empty strings
     * when the form row itself is missing (a database without foreign keys).
     */
    record Form(int id, String name, String description, String status, List<FormField> fields) {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** @param value LIST: comma-separated options; other types: the default value, as stored */
    record FormField(int id, int order, String label, String type, String value) {}

    /** @param waitSeconds {@code duration_wait}; empty when NULL */
    record WaitCount(OptionalLong waitSeconds, long calls) {}

    /** Answered calls grouped by queue wait, and the number of abandoned calls. */
    record QueueWait(List<WaitCount> answered, long abandoned) {
        public QueueWait {
            answered = List.copyOf(answered);
        }
    }

    /** Incoming campaigns first, then outgoing, each by id. */
    List<CampaignSummary> findCampaigns(CampaignQuery query);

    /** Incoming queues by id. */
    List<IncomingQueue> findIncomingQueues(Page page);

    /**
     * The script of the incoming queue with this number, active or not (an active row wins
     * over an inactive one with the same number). A NULL script is the empty string.
     */
    Optional<String> findQueueScript(String queue);

    Optional<Campaign> findCampaign(CampaignType type, long id);

    /**
     * Answered calls of the campaign by queue wait (outgoing: status Success; incoming: activa
     * and terminada) and its abandoned calls (Abandoned; abandonada). An unknown campaign has none.
     */
    QueueWait queueWait(CampaignType type, long campaignId);
}
