package org.dialerd.ami.internal;

import org.asteriskjava.manager.event.AbstractChannelEvent;

/**
 * {@code Event: MixMonitorMute}, which asterisk-java 3.42.2 has no class for (it drops the
 * event with "No event class registered"). Registered by name: class name minus "Event".
 */
public class MixMonitorMuteEvent extends AbstractChannelEvent {
    private static final long serialVersionUID = 1L;

    private String direction;
    private String state;
    private String linkedid;
    private String language;

    public MixMonitorMuteEvent(Object source) {
        super(source);
    }

    /** {@code read}, {@code write} or {@code both}. */
    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    /** {@code 1} muted, {@code 0} unmuted. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
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
}
