package org.dialerd.sim.pbx;

/**
 * How a parked call leaves the lot towards someone: ParkedCall(lot,space) run by the retriever
 * (an Originate into parkedcalls,701), or the comeback Dial of the parker when the parking time
 * runs out (comebacktoorigin: the parkee continues in park-dial,{@code Local_1001@agents}).
 */
final class ParkRetrieval {

    private final Pbx pbx;
    private final Parking parking;

    ParkRetrieval(Pbx pbx, Parking parking) {
        this.pbx = pbx;
        this.parking = parking;
    }

    void retrieve(AppRun run) {
        Channel r = run.channel();
        int space;
        try {
            space = Integer.parseInt(run.arg(1).isEmpty() ? r.exten : run.arg(1));
        } catch (NumberFormatException e) {
            space = -1;
        }
        Parking.Parked p = parking.at(space).orElse(null);
        if (p == null) {
            run.hangup(HangupCause.NORMAL_CLEARING);
            return;
        }
        parking.unpark(p);
        Channel parkee = p.parkee;
        Bridge b = pbx.bridges().createBasic();
        pbx.events().mohStop(parkee);
        pbx.devices().set(Parking.device(p.space), "NOT_INUSE");
        pbx.bridges().leave(parkee);
        pbx.bridges().enter(b, parkee);
        // UnParkedCall shows the retriever as it was before the bridge changed its linkedid and connected line.
        Snapshot before = r.snapshot();
        r.linkedid = parkee.linkedid;
        pbx.bridges().enter(b, r);
        r.setConnected(parkee.callerNum, parkee.callerName);
        pbx.events().newConnectedLine(r);
        pbx.locals().connectedLineChanged(r);
        pbx.events().publish(pbx.events().call("UnParkedCall").addAll(parkee.snapshot().fields("Parkee"))
                .addAll(before.fields("Retriever")).addAll(parking.tail(p, pbx.channels().epochSeconds())).build());
        parkee.setConnected(r.callerNum, r.callerName);
        pbx.events().newConnectedLine(parkee);
        pbx.locals().connectedLineChanged(parkee);
        b.listener = (bridge, left) -> {
            bridge.listener = null;
            Channel other = left == parkee ? r : parkee;
            if (other.bridge == bridge) {
                pbx.bridges().leave(other);
            }
            pbx.bridges().destroy(bridge);
            if (other == r) {
                run.hangup(HangupCause.NORMAL_CLEARING);
            } else {
                pbx.ops().softHangup(parkee, HangupCause.NORMAL_CLEARING, HangupCause.NORMAL_CLEARING);
            }
        };
    }

    /** Timeout: the parkee dials the parker again from park-dial (res_parking adds the extension). */
    void comeBack(Parking.Parked p) {
        Channel parkee = p.parkee;
        String exten = p.parkerDialString.replace('/', '_');
        if (pbx.dialplan().find("park-dial", exten).isEmpty()) {
            pbx.dialplan().context("park-dial")
                    .exten(exten, "Dial(" + p.parkerDialString + "," + Parking.COMEBACK_DIAL_SECONDS + ")");
        }
        pbx.runner().redirect(parkee, "park-dial", exten, 1);
        pbx.events().publish(parking.event("ParkedCallTimeOut", p).build());
    }
}
