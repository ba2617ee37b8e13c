package org.dialerd.http;

/**
 * Answers one request. Runs on an HTTP worker thread, never on a Netty event loop, so it may
 * block (database, AMI round trips). What it throws becomes a 500 answer; it should answer
 * failures itself with {@link Response#error}.
 */
@FunctionalInterface
public interface HttpHandler {
    Response handle(Request request);
}
