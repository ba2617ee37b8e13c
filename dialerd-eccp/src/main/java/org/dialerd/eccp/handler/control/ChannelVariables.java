package org.dialerd.eccp.handler.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * getchanvars: the variables of the customer's channel of the agent's call. Only the CLI
 * lists every variable of a channel, so this runs {@code core show channel <name>} and reads
 * its {@code Variables:} section:
 * <pre>
 *       Variables:
 * ID_CAMPAIGN=1
 * BRIDGEPEER=Local/1001@agents-00000003;1
 *   CDR Variables:
 * ...
 * </pre>
 * Answer: {@code <clientchannel>} then {@code <chanvars><chanvar><label/><value/></chanvar>…}.
 */
public final class ChannelVariables {
    static final String REFUSED = "Cannot get channel variables";
    private static final String SECTION = "Variables:";

    private ChannelVariables() {
    }

    public static XmlElement getChanVars(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        AgentCall current = AgentCall.require(context, agent, EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND),
                EccpFailure.wrapped(417, AgentCall.NOT_LOGGED_IN), EccpFailure.wrapped(417, AgentCall.NOT_IN_CALL));
        String channel = current.call().remoteChannel();
        PbxReply reply = AgentCall.send(context, new PbxAction.Command("core show channel " + channel), REFUSED);
        XmlElement.Builder chanvars = XmlElement.builder("chanvars");
        parse(reply.output()).forEach((label, value) -> chanvars.add(XmlElement.of("chanvar",
                XmlElement.text("label", label), XmlElement.text("value", value))));
        return XmlElement.of(context.name().responseName(), XmlElement.text("clientchannel", channel),
                chanvars.build());
    }

    /** NAME=value lines of the CLI output's {@code Variables:} section, in order. */
    static Map<String, String> parse(List<String> output) {
        Map<String, String> variables = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : output) {
            String trimmed = line.trim();
            if (!inSection) {
                inSection = trimmed.equals(SECTION);
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.endsWith(SECTION) || equals <= 0) {
                break;
            }
            variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return variables;
    }
}
