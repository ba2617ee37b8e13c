package org.dialerd.ami.internal;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * {@code Event: DialerdPrepared} with one {@code PreparedId} header: what asterisk-java reads in place of
 * an event dialerd already translated from its raw lines ({@code RawEvents}). It goes through
 * asterisk-java's reader and event pump like every other packet, so it keeps its place among the
 * events and responses around it, but its bean has one property instead of about twenty.
 * Registered by name (class name minus "Event"); must stay top-level.
 */
public class DialerdPreparedEvent extends ManagerEvent {
    private static final long serialVersionUID = 1L;

    private String preparedId;

    public DialerdPreparedEvent(Object source) {
        super(source);
    }

    public String getPreparedId() {
        return preparedId;
    }

    public void setPreparedId(String preparedId) {
        this.preparedId = preparedId;
    }
}
