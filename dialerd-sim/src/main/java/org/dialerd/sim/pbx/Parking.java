package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.clock.VirtualScheduler.Timer;

/**
 * res_parking with the recorded lot {@code default}: parkext 700, spaces 701-720 (findslot
 * first), parkingtime 45 s, comebacktoorigin. Parking takes a channel out of its bridge into
 * the lot's holding bridge with music; whoever stays in the old bridge is hung up ("park kills
 * the agent leg"), after the slot announcement when that is the TimeoutChannel. A parked call
 * ends by retrieval (ParkedCall app, see {@link ParkRetrieval}), by its own hang-up
 * (ParkedCallGiveUp) or by the timeout (ParkedCallTimeOut, then a comeback Dial of the parker).
 */
public final class Parking {

    static final String LOT = "default";
    public static final String CONTEXT = "parkedcalls";
    public static final int FIRST_SPACE = 701;
    public static final int LAST_SPACE = 720;
    static final int PARKINGTIME_SECONDS = 45;
    static final int COMEBACK_DIAL_SECONDS = 30;
    /** "seven hundred one" read to the TimeoutChannel before its bridge goes (recorded 594-595 ms). */
    static final long ANNOUNCE_MS = 595;

    private final Pbx pbx;
    private final Map<Integer, Parked> spaces = new TreeMap<>();
    private final ParkRetrieval retrieval;
    private Bridge lot;

    Parking(Pbx pbx) {
        this.pbx = pbx;
        this.retrieval = new ParkRetrieval(pbx, this);
    }

    /** One parked call. */
    static final class Parked {
        final Channel parkee;
        final int space;
        final String parkerDialString;
        final long startSeconds;
        final int timeoutSeconds;
        Timer timer;

        Parked(Channel parkee, int space, String parkerDialString, long startSeconds, int timeoutSeconds) {
            this.parkee = parkee;
            this.space = space;
            this.parkerDialString = parkerDialString;
            this.startSeconds = startSeconds;
            this.timeoutSeconds = timeoutSeconds;
        }
    }

    /**
     * The Park action. {@code timeoutChannel} is who the call comes back to (and hears the
     * slot); without it the parkee itself is the "parker". False when the lot is full.
     */
    public boolean park(Channel parkee, Channel timeoutChannel, long timeoutMillis) {
        int space = FIRST_SPACE;
        while (spaces.containsKey(space)) {
            space++;
        }
        if (space > LAST_SPACE) {
            return false;
        }
        Bridge old = parkee.bridge;
        List<Channel> others = BridgeExit.takeOut(pbx, parkee);
        int timeout = timeoutMillis > 0 ? (int) (timeoutMillis / 1000) : PARKINGTIME_SECONDS;
        String parker = dialString(timeoutChannel != null ? timeoutChannel : parkee);
        Parked p = new Parked(parkee, space, parker, pbx.channels().epochSeconds(), timeout);
        spaces.put(space, p);
        pbx.events().publish(event("ParkedCall", p).build());
        pbx.devices().set(device(space), "INUSE");
        pbx.bridges().enterHolding(lot(), parkee);
        parkee.mohClass = "default";
        pbx.events().mohStart(parkee, "default");
        p.timer = pbx.scheduler().schedule(timeoutMillis > 0 ? timeoutMillis : PARKINGTIME_SECONDS * 1000L,
                () -> timedOut(p));
        if (!others.isEmpty()) {
            long delay = others.contains(timeoutChannel) ? ANNOUNCE_MS : 0;
            pbx.scheduler().schedule(delay, () -> BridgeExit.hangUpRest(pbx, old, others));
        }
        return true;
    }

    /** The parkee left the lot bridge while still parked: it hung up. */
    private void leftLot(Bridge b, Channel ch) {
        Parked p = find(ch).orElse(null);
        if (p == null) {
            return;
        }
        unpark(p);
        pbx.events().publish(event("ParkedCallGiveUp", p).build());
        pbx.events().mohStop(ch);
        pbx.devices().set(device(p.space), "NOT_INUSE");
    }

    private void timedOut(Parked p) {
        if (spaces.get(p.space) != p) {
            return;
        }
        Channel parkee = p.parkee;
        unpark(p);
        pbx.events().mohStop(parkee);
        pbx.devices().set(device(p.space), "NOT_INUSE");
        pbx.bridges().leave(parkee);
        retrieval.comeBack(p);
    }

    /** Removes the call from its space (retrieval, give-up, timeout). */
    void unpark(Parked p) {
        spaces.remove(p.space);
        if (p.timer != null) {
            p.timer.cancel();
        }
    }

    Optional<Parked> at(int space) {
        return Optional.ofNullable(spaces.get(space));
    }

    private Optional<Parked> find(Channel ch) {
        return spaces.values().stream().filter(p -> p.parkee == ch).findFirst();
    }

    public boolean full() {
        return spaces.size() > LAST_SPACE - FIRST_SPACE;
    }

    /** The ParkedCall(lot,space) application (extensions 701-720 of parkedcalls). */
    void parkedCallApp(AppRun run) {
        retrieval.retrieve(run);
    }

    /** ParkedCalls action items. */
    public List<AmiMessage.Builder> list() {
        List<AmiMessage.Builder> out = new ArrayList<>();
        for (Parked p : spaces.values()) {
            out.add(AmiMessage.builder().add("Event", "ParkedCall").addAll(fields(p)));
        }
        return out;
    }

    AmiMessage.Builder event(String name, Parked p) {
        return pbx.events().call(name).addAll(fields(p));
    }

    private List<Map.Entry<String, String>> fields(Parked p) {
        long now = pbx.channels().epochSeconds();
        List<Map.Entry<String, String>> f = new ArrayList<>(p.parkee.snapshot().fields("Parkee"));
        f.addAll(tail(p, now));
        return f;
    }

    /** ParkerDialString .. ParkingDuration: whole-second wall-clock arithmetic, as res_parking does. */
    List<Map.Entry<String, String>> tail(Parked p, long now) {
        long remaining = Math.max(0, p.startSeconds + p.timeoutSeconds - now);
        return List.of(Map.entry("ParkerDialString", p.parkerDialString), Map.entry("Parkinglot", LOT),
                Map.entry("ParkingSpace", Integer.toString(p.space)), Map.entry("ParkingTimeout", Long.toString(remaining)),
                Map.entry("ParkingDuration", Long.toString(now - p.startSeconds)));
    }

    static String device(int space) {
        return "park:" + space + "@" + CONTEXT;
    }

    /** A channel name without its "-0000001f;1" suffix: the dial string that reaches it again. */
    static String dialString(Channel ch) {
        String n = ch.name;
        int dash = n.lastIndexOf('-');
        return dash > 0 ? n.substring(0, dash) : n;
    }

    Bridge lot() {
        if (lot == null || lot.destroyed) {
            lot = pbx.bridges().holding("parking")
                    .orElseGet(() -> pbx.bridges().createHolding("parking", "Parking", LOT));
        }
        lot.listener = this::leftLot;
        return lot;
    }
}
