package org.dialerd.eccp.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.StoreException;
import org.dialerd.core.store.answers.MemoryOnly;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the rules every request shares: unknown or unimplemented names get 501, requests
 * before login get 401, requests needing Asterisk get 500 while AMI is down, and whatever
 * a handler throws becomes a failure packet. Handlers only do their own work. Every answer is
 * counted by request name and result ({@link EccpMetrics}).
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What to write back, and whether to close the connection after it. */
    public record Reply(XmlElement packet, boolean close) {}

    /** The request label of a name ECCP does not have (not the name itself: clients choose it). */
    static final String UNKNOWN_REQUEST = "unknown";

    /**
     * Requests answered from memory alone. Every other request may block on the database and
     * runs on the database executor, so these never wait behind them.
     */
    private static final java.util.Set<RequestName> DATABASE_FREE = java.util.EnumSet.of(RequestName.GETREQUESTLIST,
            RequestName.LOGOUT, RequestName.FILTERBYAGENT, RequestName.CALLPROGRESS, RequestName.DUMPSTATUS,
            RequestName.GETAGENTSTATUS, RequestName.GETCAMPAIGNABANDONSTATUS,
            RequestName.GETLIVESTATS);
    /**
     * Agent actions that read no row dialerd writes (the agent and break come from the cached
     * reference data): they act at once, also while the journal waits for an unreachable
     * database, instead of waiting for the engine's earlier writes.
     */
    private static final java.util.Set<RequestName> NO_FRESH_READ = java.util.EnumSet.of(RequestName.PAUSEAGENT,
            RequestName.UNPAUSEAGENT, RequestName.HOLD, RequestName.UNHOLD, RequestName.HANGUP,
            RequestName.TRANSFERCALL, RequestName.ATXFERCALL, RequestName.MIXMONITORMUTE,
            RequestName.MIXMONITORUNMUTE, RequestName.SPYAGENT, RequestName.SPYSTOP, RequestName.ACCEPTPREVIEW,
            RequestName.REJECTPREVIEW, RequestName.ENDWRAPUP);
    /** Longest a database request waits for the engine's earlier writes to be applied. */
    private static final java.time.Duration WRITES_WAIT = java.time.Duration.ofSeconds(2);

    private final Map<RequestName, RequestHandler> handlers;
    private final Services services;
    private final ReadBarrier barrier;
    private final EccpMetrics metrics;
    private final UnavailableLog unavailable = new UnavailableLog();
    private final java.util.function.Predicate<RequestName> fromMemory;

    /** What the handlers answer from (the warm-up picks a known agent there). */
    Services services() {
        return services;
    }

    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services) {
        this(handlers, services, ReadBarrier.NONE, EccpMetrics.NONE);
    }

    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services, ReadBarrier barrier) {
        this(handlers, services, barrier, EccpMetrics.NONE);
    }

    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services, ReadBarrier barrier,
                      EccpMetrics metrics) {
        this(handlers, services, barrier, metrics, name -> false);
    }

    /**
     * @param fromMemory whether a request would be answered from the reference data in memory now
     *                   (then it waits for no journal write: it reads no row the engine writes, and it
     *                   runs on the worker pool like getagentstatus: the hand-off to the database
     *                   executor was most of its cost). A pipelined flood of them does not outrun a
     *                   reading client: answers wait for the socket's writability (EccpChannelHandler)
     */
    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services, ReadBarrier barrier,
                      EccpMetrics metrics, java.util.function.Predicate<RequestName> fromMemory) {
        this.fromMemory = fromMemory;
        this.handlers = new EnumMap<>(RequestName.class);
        this.handlers.putAll(handlers);
        this.services = services;
        this.barrier = barrier;
        this.metrics = metrics;
        metrics.requestsKnown(java.util.stream.Stream.concat(java.util.Arrays.stream(RequestName.values())
                .map(RequestName::wireName), java.util.stream.Stream.of(UNKNOWN_REQUEST)).toList());
    }

    /** Whether the request may touch the database (unknown names do not: they get 501). */
    public static boolean mayUseDatabase(EccpRequest request) {
        return RequestName.fromWireName(request.body().name()).map(name -> !DATABASE_FREE.contains(name))
                .orElse(false);
    }

    /**
     * Whether the request may touch the database now: not when the reference data in memory answers
     * it. Decided when the request's turn comes; if a reload is pending by the time the handler
     * runs, the cached store reads that one table through, a short read on the worker pool.
     */
    public boolean mayUseDatabaseNow(EccpRequest request) {
        return RequestName.fromWireName(request.body().name())
                .map(name -> !DATABASE_FREE.contains(name) && !fromMemory.test(name))
                .orElse(false);
    }

    /**
     * Whether the request may be answered on the connection's event loop: microseconds of work that
     * never block ({@link InlineAnswers}). Then {@link #dispatchInline} answers it.
     */
    public boolean answersInMicroseconds(EccpRequest request) {
        Optional<RequestName> name = RequestName.fromWireName(request.body().name());
        return name.isPresent() && InlineAnswers.inline(name.get(), request.body(), fromMemory);
    }

    /** The answer when the database executor has no room for another request. */
    public static Reply databaseBusy(EccpRequest request) {
        return new Reply(Replies.response(request.id(), Replies.failureElement(503, "Database unavailable")), false);
    }

    public Reply dispatch(EccpSession session, EccpRequest request) {
        return dispatch(session, request, false);
    }

    /**
     * Answers a request {@link #answersInMicroseconds} accepted, on the event loop: never waits for the
     * journal's writes (the request reads only memory; it was decided a moment ago) and never reads
     * the database: empty when the answer cache does not hold the answer ({@link MemoryOnly}), and
     * then nothing was answered, counted or changed (the request goes to a worker as any other).
     */
    Optional<Reply> dispatchInline(EccpSession session, EccpRequest request) {
        try {
            return Optional.of(MemoryOnly.call(() -> dispatch(session, request, true)));
        } catch (MemoryOnly.NotInMemory e) {
            return Optional.empty();
        }
    }

    private Reply dispatch(EccpSession session, EccpRequest request, boolean inline) {
        long start = System.nanoTime();
        Optional<RequestName> known = RequestName.fromWireName(request.body().name());
        Reply reply = answer(session, request, known, inline);
        long elapsed = System.nanoTime() - start;
        String name = known.map(RequestName::wireName).orElse(UNKNOWN_REQUEST);
        String result = result(reply.packet());
        metrics.requestAnswered(name, result, elapsed);
        if (log.isDebugEnabled()) {
            log.debug("ECCP {} from {}: {} in {} µs", name, session.remoteAddress(), result, elapsed / 1000);
        }
        return reply;
    }

    /**
     * {@code success}, or the code of the failure element the reply carries, at the top
     * ({@code <response><failure>}) or in the request's own element.
     */
    static String result(XmlElement response) {
        if (response.children().isEmpty()) {
            return EccpMetrics.SUCCESS;
        }
        XmlElement body = response.children().get(0);
        Optional<XmlElement> failure = body.name().equals("failure") ? Optional.of(body) : body.child("failure");
        return failure.flatMap(f -> f.childText("code")).orElse(EccpMetrics.SUCCESS);
    }

    private Reply answer(EccpSession session, EccpRequest request, Optional<RequestName> known, boolean inline) {
        String id = request.id();
        if (known.isEmpty()) {
            return new Reply(Replies.response(id, Replies.failureElement(501, "Not Implemented")), false);
        }
        RequestName name = known.get();
        if (name.access() == RequestName.Access.SESSION && !session.isLoggedIn()) {
            return new Reply(Replies.response(id, Replies.failureElement(401, "Unauthorized")), false);
        }
        RequestHandler handler = handlers.get(name);
        if (name.needsPbx() && !services.pbx().isConnected()) {
            return new Reply(Replies.response(id, Replies.failureElement(500, "No AMI connection")), false);
        }
        if (handler == null) {
            return new Reply(Replies.response(id, Replies.failureElement(501, "Not Implemented")), false);
        }
        if (!inline && !DATABASE_FREE.contains(name) && !NO_FRESH_READ.contains(name) && !fromMemory.test(name)) {
            barrier.awaitWrites(WRITES_WAIT);
        }
        RequestContext context = new RequestContext(session, name, services);
        try {
            XmlElement answer = handler.handle(context, request.body());
            return new Reply(Replies.response(id, answer), context.shouldCloseAfterReply());
        } catch (EccpFailure failure) {
            XmlElement element = Replies.failureElement(failure.code(), failure.getMessage());
            XmlElement body = failure.isWrapped() ? XmlElement.of(name.responseName(), element) : element;
            return new Reply(Replies.response(id, body), context.shouldCloseAfterReply());
        } catch (MemoryOnly.NotInMemory e) {
            throw e; // not an error: dispatchInline hands the request to a worker
        } catch (StoreException e) {
            unavailable.report(name, session, e);
            return new Reply(Replies.response(id, Replies.failureElement(503, "Database unavailable")), false);
        } catch (RuntimeException e) {
            log.error("ECCP {} from {}: internal error", name.wireName(), session.remoteAddress(), e);
            return new Reply(Replies.response(id, Replies.failureElement(500, "Internal server error")), false);
        }
    }
}
