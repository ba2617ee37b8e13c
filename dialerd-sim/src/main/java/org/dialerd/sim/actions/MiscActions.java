package org.dialerd.sim.actions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.sim.ami.AmiMessage;

/**
 * Small administrative actions dialerd may send: ListCommands (the recorded Asterisk 22 list),
 * ModuleCheck, Reload, ExtensionState, DeviceStateList, QueueReset/Reload/Rule/Log.
 */
final class MiscActions {

    /** Modules of the recorded build that dialerd might ask about. */
    private static final Set<String> LOADED = Set.of("app_queue", "app_agent_pool", "res_parking", "chan_local",
            "app_mixmonitor", "res_musiconhold", "app_dial", "func_db", "func_devstate", "pbx_config",
            "manager", "res_pjsip", "chan_pjsip");
    private static final List<String[]> COMMANDS = loadCommands();

    private MiscActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("listcommands", MiscActions::listCommands);
        m.put("modulecheck", MiscActions::moduleCheck);
        m.put("reload", MiscActions::reload);
        m.put("extensionstate", MiscActions::extensionState);
        m.put("devicestatelist", MiscActions::deviceStateList);
        m.put("queuereset", ctx -> ctx.success("Queue stats reset successfully"));
        m.put("queuereload", ctx -> ctx.success("Queue reloaded successfully"));
        m.put("queuerule", ctx -> ctx.send(ctx.response("Success").build()));
        m.put("queuelog", ctx -> ctx.success("Event added successfully"));
    }

    static void listCommands(ActionContext ctx) {
        AmiMessage.Builder b = ctx.response("Success");
        for (String[] c : COMMANDS) {
            b.add(c[0], c[1]);
        }
        ctx.send(b.build());
    }

    static void moduleCheck(ActionContext ctx) {
        String module = ctx.header("Module").replace(".so", "");
        if (LOADED.contains(module)) {
            ctx.send(ctx.response("Success").add("Version", "").build());
        } else {
            ctx.error("Module not loaded");
        }
    }

    static void reload(ActionContext ctx) {
        ctx.success("Module Reloaded");
        ctx.pbx().events().publish(AmiMessage.event("Reload").add("Privilege", "system,all")
                .add("Module", ctx.header("Module")).add("Status", "0").build());
    }

    /** No hints are configured in the simulated dialplan: every extension reports -1/Unknown. */
    static void extensionState(ActionContext ctx) {
        ctx.send(ctx.response("Success").add("Message", "Extension Status").add("Exten", ctx.header("Exten"))
                .add("Context", ctx.header("Context")).add("Hint", "").add("Status", "-1")
                .add("StatusText", "Unknown").build());
    }

    static void deviceStateList(ActionContext ctx) {
        ctx.listStart("Device State Changes will follow");
        int n = 0;
        for (Map.Entry<String, String> e : ctx.pbx().devices().cached().entrySet()) {
            ctx.listItemIdFirst("DeviceStateChange", List.of(Map.entry("Device", e.getKey()),
                    Map.entry("State", e.getValue())));
            n++;
        }
        ctx.listComplete("DeviceStateListComplete", n);
    }

    private static List<String[]> loadCommands() {
        List<String[]> out = new ArrayList<>();
        InputStream in = MiscActions.class.getResourceAsStream("asterisk22-manager-actions.txt");
        if (in == null) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    out.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manager action list", e);
        }
        return out;
    }
}
