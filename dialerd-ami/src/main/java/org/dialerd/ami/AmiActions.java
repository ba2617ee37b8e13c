package org.dialerd.ami;

import java.time.Duration;
import java.util.TreeMap;
import org.asteriskjava.manager.action.AgentLogoffAction;
import org.asteriskjava.manager.action.AgentsAction;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.dialerd.ami.internal.GenericAction;
import org.dialerd.core.pbx.PbxAction;

/**
 * {@link PbxAction} → asterisk-java action. Empty strings and zero numbers are left out
 * (asterisk-java sends no header for a null property), matching what the recordings sent;
 * asterisk-java lowercases header names, which Asterisk accepts.
 */
final class AmiActions {

    private AmiActions() {
    }

    /** Whether the action answers with a list of events ending in a "…Complete" event. */
    static boolean isList(PbxAction action) {
        return action instanceof PbxAction.QueueStatus || action instanceof PbxAction.Agents
                || action instanceof PbxAction.CoreShowChannels;
    }

    /** The AMI action name, for logs and failure messages. */
    static String name(PbxAction action) {
        return action.getClass().getSimpleName();
    }

    static ManagerAction toManagerAction(PbxAction action) {
        if (action instanceof PbxAction.Originate o) {
            return originate(o);
        } else if (action instanceof PbxAction.QueueAdd q) {
            QueueAddAction a = new QueueAddAction(q.queue(), q.iface());
            a.setMemberName(text(q.memberName()));
            a.setStateInterface(text(q.stateInterface()));
            a.setPenalty(q.penalty() == 0 ? null : q.penalty());
            a.setPaused(q.paused() ? Boolean.TRUE : null);
            return a;
        } else if (action instanceof PbxAction.QueueRemove q) {
            return new QueueRemoveAction(q.queue(), q.iface());
        } else if (action instanceof PbxAction.QueuePause q) {
            QueuePauseAction a = new QueuePauseAction();
            a.setQueue(text(q.queue()));
            a.setInterface(q.iface());
            a.setPaused(q.paused());
            a.setReason(text(q.reason()));
            return a;
        } else if (action instanceof PbxAction.AgentLogoff l) {
            AgentLogoffAction a = new AgentLogoffAction();
            a.setAgent(l.agent());
            a.setSoft(l.soft());
            return a;
        } else if (action instanceof PbxAction.Hangup h) {
            HangupAction a = new HangupAction(h.channel());
            a.setCause(h.cause() == 0 ? null : h.cause());
            return a;
        } else if (action instanceof PbxAction.PlayDtmf d) {
            PlayDtmfAction a = new PlayDtmfAction(d.channel(), d.digit());
            a.setReceive(d.receive() ? Boolean.TRUE : null);
            return a;
        } else if (action instanceof PbxAction.Redirect r) {
            return redirect(r);
        } else if (action instanceof PbxAction.Atxfer x) {
            AtxferAction a = new AtxferAction();
            a.setChannel(x.channel());
            a.setExten(x.exten());
            a.setContext(text(x.context()));
            return a;
        } else if (action instanceof PbxAction.Park p) {
            // asterisk-java's ParkAction only knows the pre-12 name Channel2; TimeoutChannel is
            // the Asterisk 12+ header (Channel2 is still read as its alias).
            return new GenericAction("Park")
                    .header("Channel", p.channel())
                    .header("TimeoutChannel", p.timeoutChannel())
                    .header("Timeout", millis(p.timeout()));
        } else if (action instanceof PbxAction.MixMonitor m) {
            return new GenericAction("MixMonitor")
                    .header("Channel", m.channel())
                    .header("File", m.file())
                    .header("Options", m.options());
        } else if (action instanceof PbxAction.MixMonitorMute m) {
            MixMonitorMuteAction a = new MixMonitorMuteAction();
            a.setChannel(m.channel());
            a.setDirection(m.direction());
            a.setState(m.mute() ? 1 : 0);
            return a;
        } else if (action instanceof PbxAction.GetVar g) {
            GetVarAction a = new GetVarAction();
            a.setChannel(text(g.channel()));
            a.setVariable(g.variable());
            return a;
        } else if (action instanceof PbxAction.SetVar s) {
            SetVarAction a = new SetVarAction();
            a.setChannel(text(s.channel()));
            a.setVariable(s.variable());
            a.setValue(s.value());
            return a;
        } else if (action instanceof PbxAction.Command c) {
            // Not CommandAction: asterisk-java's CommandResponse builder throws (and its reader
            // thread dies, dropping the connection) on a response without Output lines.
            return new GenericAction("Command").header("Command", c.command());
        } else if (action instanceof PbxAction.DbGet d) {
            return new DbGetAction(d.family(), d.key());
        } else if (action instanceof PbxAction.QueueStatus q) {
            QueueStatusAction a = new QueueStatusAction();
            a.setQueue(text(q.queue()));
            return a;
        } else if (action instanceof PbxAction.Agents) {
            return new AgentsAction();
        } else if (action instanceof PbxAction.CoreShowChannels) {
            return new CoreShowChannelsAction();
        }
        throw new IllegalArgumentException("no AMI mapping for " + action.getClass().getName());
    }

    private static OriginateAction originate(PbxAction.Originate o) {
        OriginateAction a = new OriginateAction();
        a.setChannel(o.channel());
        if (!o.application().isEmpty()) {
            a.setApplication(o.application());
            a.setData(text(o.data()));
        } else {
            a.setContext(text(o.context()));
            a.setExten(text(o.exten()));
            a.setPriority(o.priority() == 0 ? null : o.priority());
        }
        a.setCallerId(text(o.callerId()));
        if (o.timeout() != null && !o.timeout().isZero()) {
            a.setTimeout(o.timeout().toMillis());
        }
        if (!o.variables().isEmpty()) {
            a.setVariables(new TreeMap<>(o.variables()));
        }
        a.setAsync(true);
        a.setChannelId(text(o.channelId()));
        // asterisk-java sends "<internal>#<this>"; OriginateResponse gives back this part.
        a.setActionId(text(o.actionId()));
        return a;
    }

    private static RedirectAction redirect(PbxAction.Redirect r) {
        RedirectAction a = new RedirectAction();
        a.setChannel(r.channel());
        a.setContext(r.context());
        a.setExten(r.exten());
        a.setPriority(r.priority());
        if (!r.extraChannel().isEmpty()) {
            a.setExtraChannel(r.extraChannel());
            a.setExtraContext(r.extraContext());
            a.setExtraExten(r.extraExten());
            a.setExtraPriority(r.extraPriority());
        }
        return a;
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String millis(Duration d) {
        return d == null || d.isZero() ? "" : Long.toString(d.toMillis());
    }
}
