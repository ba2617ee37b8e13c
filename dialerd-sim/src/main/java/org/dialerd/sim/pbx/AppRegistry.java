package org.dialerd.sim.pbx;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Applications by (case-insensitive) name; one immutable set per PBX. */
public final class AppRegistry {

    private final Map<String, App> apps = new HashMap<>();

    AppRegistry(Pbx pbx) {
        BasicApps basic = new BasicApps(pbx);
        register("NoOp", run -> run.next());
        register("Ringing", basic::ringing);
        register("Wait", basic::await);
        register("Answer", basic::answer);
        register("Hangup", basic::hangup);
        register("Busy", run -> basic.busy(run, false));
        register("Congestion", run -> basic.busy(run, true));
        register("Set", basic::set);
        register("Echo", basic::echo);
        register("Playback", run -> run.next());
        register("Queue", pbx.queues()::queueApp);
        register("AgentLogin", pbx.agents()::agentLoginApp);
        register("AgentRequest", pbx.agents()::agentRequestApp);
        register("Dial", pbx.dialApp()::exec);
        register("ParkedCall", pbx.parking()::parkedCallApp);
        register("ChanSpy", new ChanSpyApp(pbx)::exec);
    }

    private void register(String name, App app) {
        apps.put(name.toLowerCase(Locale.ROOT), app);
    }

    public App find(String name) {
        return apps.get(name.toLowerCase(Locale.ROOT));
    }
}
