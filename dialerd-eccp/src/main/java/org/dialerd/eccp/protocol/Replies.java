package org.dialerd.eccp.protocol;

import org.dialerd.eccp.xml.XmlElement;

/** The packets every handler and the dispatcher build: one place for their shapes. */
public final class Replies {
    private static final XmlElement SUCCESS = XmlElement.empty("success");

    private Replies() {
    }

    public static XmlElement failureElement(int code, String message) {
        return XmlElement.of("failure", XmlElement.text("code", code), XmlElement.text("message", message));
    }

    /** {@code <response id="…">child</response>}; no id attribute when id is null. */
    public static XmlElement response(String id, XmlElement child) {
        XmlElement.Builder builder = XmlElement.builder("response");
        if (id != null) {
            builder.attribute("id", id);
        }
        return builder.add(child).build();
    }

    /** {@code <response><failure><code>400</code><message>Bad request</message></failure></response>}. */
    public static XmlElement badRequestWithoutId() {
        return response(null, failureElement(400, EccpFailure.BAD_REQUEST));
    }

    /** {@code <X_response><success/></X_response>}. */
    public static XmlElement success(RequestName name) {
        return XmlElement.of(name.responseName(), SUCCESS);
    }

    public static XmlElement wrappedFailure(RequestName name, int code, String message) {
        return XmlElement.of(name.responseName(), failureElement(code, message));
    }
}
