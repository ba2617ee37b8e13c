package org.dialerd.eccp.codec;

import java.util.Objects;
import org.dialerd.eccp.xml.XmlElement;

/**
 * One decoded client request: {@code <request id="7"><getpauses/></request>} becomes
 * {@code EccpRequest("7", <getpauses/>)}.
 *
 * @param id   the {@code id} attribute exactly as the client sent it (entities decoded; any string),
 *             echoed in the response
 * @param body the single child element of {@code <request>}; its name is the request name
 */
public record EccpRequest(String id, XmlElement body) {
    public EccpRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }

    /** The request name as written on the wire ({@code getpauses}); case-sensitive. */
    public String name() {
        return body.name();
    }
}
