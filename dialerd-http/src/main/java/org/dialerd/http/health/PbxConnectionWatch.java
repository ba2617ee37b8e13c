package org.dialerd.http.health;

import java.time.Clock;
import java.time.Instant;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;

/**
 * Whether the PBX connection is up, and since when. Connected/Disconnected events date the
 * changes; every read also compares with {@link PbxGateway#isConnected()} (what ECCP requests
 * go by), so a change whose event is still on its way is not missed. Before the first change
 * "since" is when the watch started.
 */
public final class PbxConnectionWatch {
    /** The connection's state and when it began. */
    public record State(boolean connected, Instant since) {}

    private final PbxGateway pbx;
    private final Clock clock;
    private State state;

    private PbxConnectionWatch(PbxGateway pbx, Clock clock) {
        this.pbx = pbx;
        this.clock = clock;
        this.state = new State(pbx.isConnected(), clock.instant());
    }

    /** Starts watching {@code pbx}'s events. */
    public static PbxConnectionWatch of(PbxGateway pbx, Clock clock) {
        PbxConnectionWatch watch = new PbxConnectionWatch(pbx, clock);
        pbx.addListener(watch::onEvent);
        return watch;
    }

    public synchronized State current() {
        changed(pbx.isConnected());
        return state;
    }

    private void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.Connected) {
            synchronized (this) {
                changed(true);
            }
        } else if (event instanceof PbxEvent.Disconnected) {
            synchronized (this) {
                changed(false);
            }
        }
    }

    private void changed(boolean connected) {
        if (state.connected() != connected) {
            state = new State(connected, clock.instant());
        }
    }
}
