package org.dialerd.eccp.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.StoreException;
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
 * a handler throws becomes a failure packet. Handlers only do their own work.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What to write back, and whether to close the connection after it. */
    public record Reply(XmlElement packet, boolean close) {}

    /**
     * Requests answered from memory alone. Every other request may block on the database and
     * runs on the database executor, so these never wait behind them.
     */
    private static final java.util.Set<RequestName> DATABASE_FREE = java.util.EnumSet.of(RequestName.GETREQUESTLIST,
            RequestName.LOGOUT, RequestName.FILTERBYAGENT, RequestName.CALLPROGRESS, RequestName.DUMPSTATUS,
            RequestName.GETAGENTSTATUS);

    private final Map<RequestName, RequestHandler> handlers;
    private final Services services;
    private final ReadBarrier barrier;
    private final UnavailableLog unavailable = new UnavailableLog();
    /** Longest a database request waits for the engine's earlier writes to be applied. */
    private static final java.time.Duration WRITES_WAIT = java.time.Duration.ofSeconds(2);

    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services) {
        this(handlers, services, ReadBarrier.NONE);
    }

    public Dispatcher(Map<RequestName, RequestHandler> handlers, Services services, ReadBarrier barrier) {
        this.handlers = new EnumMap<>(RequestName.class);
        this.handlers.putAll(handlers);
        this.services = services;
        this.barrier = barrier;
    }

    /** Whether the request may touch the database (unknown names do not: they get 501). */
    public static boolean mayUseDatabase(EccpRequest request) {
        return RequestName.fromWireName(request.body().name()).map(name -> !DATABASE_FREE.contains(name))
                .orElse(false);
    }

    /** The answer when the database executor has no room for another request. */
    public static Reply databaseBusy(EccpRequest request) {
        return new Reply(Replies.response(request.id(), Replies.failureElement(503, "Database unavailable")), false);
    }

    public Reply dispatch(EccpSession session, EccpRequest request) {
        String id = request.id();
        Optional<RequestName> known = RequestName.fromWireName(request.body().name());
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
        if (!DATABASE_FREE.contains(name)) {
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
        } catch (StoreException e) {
            unavailable.report(name, session, e);
            return new Reply(Replies.response(id, Replies.failureElement(503, "Database unavailable")), false);
        } catch (RuntimeException e) {
            log.error("ECCP {} from {}: internal error", name.wireName(), session.remoteAddress(), e);
            return new Reply(Replies.response(id, Replies.failureElement(500, "Internal server error")), false);
        }
    }
}
