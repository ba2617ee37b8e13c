package org.dialerd.ami.internal;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.AgentLogoffEvent;

/**
 * {@code Event: AgentLogoff} with the agent's channel, which asterisk-java's
 * {@link AgentLogoffEvent} drops. Registered in place of the built-in mapping.
 */
@AsteriskMapping("AgentLogoff")
public class AgentLogoffFixedEvent extends AgentLogoffEvent {
    private static final long serialVersionUID = 1L;

    private String channel;
    private String linkedid;
    private String language;
    private String accountCode;

    public AgentLogoffFixedEvent(Object source) {
        super(source);
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getLinkedid() {
        return linkedid;
    }

    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
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
