package org.dialerd.ami.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * An AMI action asterisk-java has no class for (BlindTransfer, CancelAtxfer, Park with
 * {@code TimeoutChannel}, ...). asterisk-java writes {@code action:}, {@code actionid:} and
 * then every entry of {@link #getAttributes()} verbatim, in insertion order:
 * <pre>
 * action: BlindTransfer
 * actionid: 1234_7
 * Channel: Local/1001@agents-0000002e;1
 * Context: xfer
 * Exten: 1002
 * </pre>
 */
public final class GenericAction extends AbstractManagerAction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final LinkedHashMap<String, String> headers = new LinkedHashMap<>();

    public GenericAction(String name) {
        this.name = name;
    }

    /** Adds a header unless {@code value} is empty (AMI treats an absent header as "not given"). */
    public GenericAction header(String header, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(header, value);
        }
        return this;
    }

    @Override
    public String getAction() {
        return name;
    }

    /** Read by asterisk-java's action builder; each entry becomes one {@code Key: value} line. */
    public Map<String, String> getAttributes() {
        return Collections.unmodifiableMap(headers);
    }
}
