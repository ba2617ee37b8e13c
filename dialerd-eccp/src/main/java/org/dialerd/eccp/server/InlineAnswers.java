package org.dialerd.eccp.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Which requests a connection's event loop answers itself instead of handing them to a worker:
 * those that are microseconds of work and never block.
 * <ul>
 *   <li>the engine's published views and the session itself: getagentstatus, getrequestlist,
 *       filterbyagent, callprogress (always);</li>
 *   <li>the reference data in memory: getcampaignlist, getcampaigninfo, getqueuescript,
 *       getincomingqueuelist, getpauses, while every table they read is in memory and not waiting
 *       for a reload ({@code fromMemory}), and for getcampaignlist only without the filters the
 *       cached store may hand to SQL ({@code filtername}, {@code datetime_start},
 *       {@code datetime_end}: LIKE wildcards, accents, dates that are not calendar dates);</li>
 *   <li>the database answers the answer cache keeps: getcallinfo, getagentactivitysummary, while the
 *       cache serves and the journal has nothing left to apply ({@code fromMemory}). Their handlers
 *       read nothing else. They run as {@code MemoryOnly} work: an answer the cache does not hold
 *       (arguments not asked since the last change) is not read here but handed to a worker
 *       ({@link Dispatcher#dispatchInline} answers empty).</li>
 * </ul>
 * Measured on one connection (docs/benchmarks.md "Request/response path"): the worker's
 * hand-off and the event loop's wake-up for the answer were a third of dialerd's CPU per request.
 *
 * <p>What remains possible: one of dialerd's own writes invalidates a table between this decision
 * and the handler's read (microseconds apart); the cached store then reads that one table from the
 * database on the event loop, once. The dispatcher never waits for the journal on this path.
 */
final class InlineAnswers {
    private static final Set<RequestName> ENGINE_VIEWS = EnumSet.of(RequestName.GETAGENTSTATUS,
            RequestName.GETREQUESTLIST, RequestName.FILTERBYAGENT, RequestName.CALLPROGRESS);
    private static final Set<RequestName> WHILE_IN_MEMORY = EnumSet.of(RequestName.GETCAMPAIGNLIST,
            RequestName.GETCAMPAIGNINFO, RequestName.GETQUEUESCRIPT, RequestName.GETINCOMINGQUEUELIST,
            RequestName.GETPAUSES, RequestName.GETCALLINFO, RequestName.GETAGENTACTIVITYSUMMARY);
    /** getcampaignlist arguments the cached store may answer with SQL (CachedCampaignStore). */
    private static final List<String> LIST_FILTERS_FOR_SQL = List.of("filtername", "datetime_start", "datetime_end");

    private InlineAnswers() {
    }

    static boolean inline(RequestName name, XmlElement body, Predicate<RequestName> fromMemory) {
        if (ENGINE_VIEWS.contains(name)) {
            return true;
        }
        if (!WHILE_IN_MEMORY.contains(name) || !fromMemory.test(name)) {
            return false;
        }
        if (name == RequestName.GETCAMPAIGNLIST) {
            for (XmlElement argument : body.children()) {
                if (LIST_FILTERS_FOR_SQL.contains(argument.name())) {
                    return false;
                }
            }
        }
        return true;
    }
}
