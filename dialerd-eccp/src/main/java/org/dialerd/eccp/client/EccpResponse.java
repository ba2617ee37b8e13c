package org.dialerd.eccp.client;

import java.util.Optional;
import org.dialerd.eccp.xml.XmlElement;

/**
 * One answer: the element inside {@code <response>}, either the request's
 * {@code X_response} or a top-level {@code <failure>}.
 */
public record EccpResponse(String id, XmlElement body) {

    /** A failure, top-level or wrapped in the request's response element. */
    public record Failure(int code, String message) {}

    public Optional<Failure> failure() {
        XmlElement failure = body.name().equals("failure") ? body : body.child("failure").orElse(null);
        if (failure == null) {
            return Optional.empty();
        }
        int code = failure.childText("code").map(String::trim).map(Integer::parseInt).orElse(0);
        return Optional.of(new Failure(code, failure.childText("message").orElse("")));
    }

    public boolean isSuccess() {
        return failure().isEmpty();
    }

    /** Text of a direct child of the response element, e.g. {@code status}. */
    public Optional<String> text(String child) {
        return body.childText(child);
    }

    /** The body, or an exception naming the failure. */
    public XmlElement orThrow() {
        failure().ifPresent(f -> {
            throw new EccpClientException("ECCP failure " + f.code() + ": " + f.message());
        });
        return body;
    }
}
