package org.dialerd.ami;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.dialerd.core.pbx.PbxNoAnswerException;

/**
 * DBGet outside asterisk-java's list handling: a missing key is answered with a bare
 * {@code Response: Success / Message: Database entry not found} and no events, which would
 * leave asterisk-java's list callback waiting forever. A found key is
 * {@code Response: Success / EventList: start}, one {@code DBGetResponse}, then a
 * {@code DBGetComplete} asterisk-java drops. So: send it as a plain action with an ActionID of
 * ours and pick its DBGetResponse out of the event stream by that ActionID.
 */
final class DbGetRequests {
    static final String ACTION_ID_PREFIX = "dialerd-dbget-";

    private final EventDispatcher dispatcher;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    DbGetRequests(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void send(ManagerConnection connection, DbGetAction action, PendingReplies.Pending reply) throws IOException {
        String id = action.getActionId(); // ours, given by the gateway
        Call call = new Call(reply);
        calls.put(id, call);
        reply.future.whenComplete((answer, failure) -> calls.remove(id));
        connection.sendAction(action, response -> dispatcher.run(() -> call.answered(response)));
    }

    /** On asterisk-java's event pump: whether {@code event} was the item of one of our DBGets. */
    boolean offer(ManagerEvent event) {
        if (event instanceof DbGetResponseEvent item && item.getActionId() != null
                && item.getActionId().startsWith(ACTION_ID_PREFIX)) {
            Call call = calls.get(item.getActionId());
            if (call != null) {
                dispatcher.run(() -> call.item(item));
            }
            return true;
        }
        return false;
    }

    /** Touched on the dispatch thread only. */
    private static final class Call {
        final PendingReplies.Pending reply;
        ManagerResponse response;

        Call(PendingReplies.Pending reply) {
            this.reply = reply;
        }

        void answered(ManagerResponse r) {
            if (r == null) {
                reply.fail(new PbxNoAnswerException("AMI connection lost before the answer to DbGet"));
            } else if (AmiReplies.isSuccess(r) && "start".equalsIgnoreCase(r.getEventList())) {
                response = r; // the value follows as an event
            } else {
                reply.complete(AmiReplies.fromResponse(r)); // error, or "Database entry not found"
            }
        }

        void item(DbGetResponseEvent item) {
            if (response != null) {
                reply.complete(AmiReplies.fromDbGet(response, item));
            }
        }
    }
}
