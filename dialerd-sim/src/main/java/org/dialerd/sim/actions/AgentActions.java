package org.dialerd.sim.actions;

import java.util.Map;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.Agent;
import org.dialerd.sim.pbx.AgentView;

/** Agents (app_agent_pool list) and AgentLogoff. */
final class AgentActions {

    private AgentActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("agents", AgentActions::agents);
        m.put("agentlogoff", AgentActions::logoff);
    }

    static void agents(ActionContext ctx) {
        ctx.listStart("Agents will follow");
        int n = 0;
        for (Agent a : ctx.pbx().agents().all()) {
            AmiMessage.Builder b = AgentView.item(ctx.pbx(), a);
            ctx.listItem(b);
            n++;
        }
        ctx.listComplete("AgentsComplete", n);
    }

    static void logoff(ActionContext ctx) {
        String id = ctx.header("Agent");
        if (ctx.pbx().agents().find(id).isEmpty()) {
            ctx.error("No such agent");
            return;
        }
        ctx.success("Agent logged out");
        ctx.pbx().agents().logoffAction(id, ctx.isTrue("Soft"));
    }
}
