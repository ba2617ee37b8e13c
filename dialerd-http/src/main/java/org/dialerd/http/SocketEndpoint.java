package org.dialerd.http;

import io.netty.channel.ChannelHandler;
import java.util.Objects;

/**
 * A path served as a WebSocket: the upgrade request is admitted or refused before the
 * handshake, on the event loop (so the check must not block), and an admitted socket's frames go
 * to the handler it names.
 */
public interface SocketEndpoint {
    /** Fired down the pipeline once the handshake is written: from then on the socket may send frames. */
    Object OPENED = new Object() {
        @Override
        public String toString() {
            return "websocket opened";
        }
    };

    /** The path the upgrade request must have ({@code /api/v1/events}). */
    String path();

    Admission admit(Request request);

    /** The answer to an upgrade request. */
    sealed interface Admission {
        /** Upgrade; {@code frames} receives the socket's frames once the handshake is written. */
        record Accept(ChannelHandler frames) implements Admission {
            public Accept {
                Objects.requireNonNull(frames, "frames");
            }
        }

        /** Answer {@code response} instead, over HTTP. */
        record Refuse(Response response) implements Admission {}
    }
}
