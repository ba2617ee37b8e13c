package org.dialerd.ami.internal;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.AgentsEvent;

/**
 * {@code Event: Agents} (one per agent of the Agents list) with the fields asterisk-java's
 * {@link AgentsEvent} drops on Asterisk 12+: the logged-in channel, its ids and the call start.
 * Registered in place of the built-in mapping.
 */
@AsteriskMapping("Agents")
public class AgentsFixedEvent extends AgentsEvent {
    private static final long serialVersionUID = 1L;

    private String channel;
    private String uniqueid;
    private String linkedid;
    private String callStarted;
    private String language;
    private String accountCode;

    public AgentsFixedEvent(Object source) {
        super(source);
    }

    /** The agent's logged-in channel ({@code Local/1001@agents-00000002;2}); null when logged off. */
    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getUniqueid() {
        return uniqueid;
    }

    public void setUniqueid(String uniqueid) {
        this.uniqueid = uniqueid;
    }

    public String getLinkedid() {
        return linkedid;
    }

    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
    }

    /** Epoch seconds the current call started (AGENT_ONCALL only). */
    public String getCallStarted() {
        return callStarted;
    }

    public void setCallStarted(String callStarted) {
        this.callStarted = callStarted;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getAccountCode() {
        return accountCode;
    }

    public void setAccountCode(String accountCode) {
        this.accountCode = accountCode;
    }
}
