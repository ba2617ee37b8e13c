package org.dialerd.eccp.server;

import org.dialerd.eccp.xml.XmlElement;

/**
 * Answers one kind of request. Stateless: everything it needs comes through the context.
 * Returns the {@code X_response} element; throws {@link org.dialerd.eccp.protocol.EccpFailure}
 * for failures. Runs on a worker thread and may block on the database.
 */
@FunctionalInterface
public interface RequestHandler {
    XmlElement handle(RequestContext context, XmlElement request);
}
