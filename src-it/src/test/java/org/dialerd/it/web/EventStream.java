package org.dialerd.it.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket on /api/v1/events (JDK client), its messages collected in arrival order. */
final class EventStream implements AutoCloseable {
    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private EventStream(WebSocket socket) {
        this.socket = socket;
    }

    static EventStream open(int port, String token, String query) {
        return open(port, token, query, true);
    }

    /** {@code reading} false: the client never asks for a message, as a console that hangs would not. */
    static EventStream open(int port, String token, String query, boolean reading) {
        LinkedBlockingQueue<JsonNode> sink = new LinkedBlockingQueue<>();
        Listener listener = new Listener(sink, reading);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/events" + query), listener)
                .orTimeout(10, TimeUnit.SECONDS).join();
        EventStream stream = new EventStream(socket);
        sink.drainTo(stream.messages);
        listener.target = stream.messages;
        sink.drainTo(stream.messages);
        return stream;
    }

    void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The first message not yet taken that {@code wanted} accepts; earlier other messages are skipped. */
    JsonNode await(String what, Duration wait, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + what + " within " + wait);
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** The next {@code event} message of that name, its data. */
    JsonNode awaitEvent(String name, Duration wait) throws InterruptedException {
        return await("event " + name, wait, m -> m.path("type").asText().equals("event")
                && m.path("event").asText().equals(name)).get("data");
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private volatile LinkedBlockingQueue<JsonNode> target;
        private final StringBuilder partial = new StringBuilder();
        private final boolean reading;

        Listener(LinkedBlockingQueue<JsonNode> initial, boolean reading) {
            this.target = initial;
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    target.add(ApiClient.JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
