package org.dialerd.ami;

import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxNoAnswerException;

/**
 * Writes {@link AmiGateway}'s actions on {@code dialerd-ami-io}: gives each its ActionID, tells
 * the {@link ResponseLedger} to expect the answer, and completes the reply on the
 * {@link EventDispatcher} (asterisk-java calls back on its event pump), so replies stay in wire
 * order with the events.
 */
final class ActionWriter {
    private final LedgerConnection connection;
    private final ResponseLedger ledger;
    private final DbGetRequests dbGets;
    private final EventDispatcher dispatcher;

    ActionWriter(LedgerConnection connection, ResponseLedger ledger, DbGetRequests dbGets, EventDispatcher dispatcher) {
        this.connection = connection;
        this.ledger = ledger;
        this.dbGets = dbGets;
        this.dispatcher = dispatcher;
    }

    /** On dialerd-ami-io. */
    void write(PbxAction action, ManagerAction request, PendingReplies.Pending reply) {
        if (reply.isDone()) {
            return; // timed out while queued
        }
        String name = AmiActions.name(action);
        if (request.getActionId() == null || request.getActionId().isEmpty()) {
            request.setActionId((request instanceof DbGetAction ? DbGetRequests.ACTION_ID_PREFIX : "dialerd-")
                    + reply.id);
        }
        reply.actionId = request.getActionId();
        ledger.expect(reply.actionId);
        try {
            if (request instanceof DbGetAction dbGet) {
                dbGets.send(connection, dbGet, reply);
            } else if (AmiActions.isList(action) && request instanceof EventGeneratingAction list) {
                connection.sendEventGeneratingAction(list, events -> dispatcher.run(() ->
                        AmiReplies.fromList(events, list.getActionCompleteEventClass()).ifPresentOrElse(
                                reply::complete,
                                () -> reply.fail(new PbxNoAnswerException("AMI connection lost before the answer to "
                                        + name)))));
            } else {
                connection.sendAction(request, response -> dispatcher.run(() -> {
                    if (response == null) {
                        reply.fail(new PbxNoAnswerException("AMI connection lost before the answer to " + name));
                    } else {
                        reply.complete(AmiReplies.fromResponse(response));
                    }
                }));
            }
        } catch (IllegalStateException e) {
            ledger.forget(reply.actionId);
            reply.fail(new PbxException(AmiGateway.NO_CONNECTION, e));
        } catch (Exception e) {
            ledger.forget(reply.actionId);
            reply.fail(new PbxException("AMI could not send " + name + ": " + e, e));
        }
    }
}
