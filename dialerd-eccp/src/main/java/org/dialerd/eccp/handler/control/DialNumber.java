package org.dialerd.eccp.handler.control;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.engine.ClickToCall;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * dialnumber (an extension, docs/protocol.md): click-to-call. Rings the logged-in agent's line,
 * then dials {@code phone}; the call is a new {@code calls} row of {@code campaign_id} (or of the
 * agent's only active outgoing campaign) and is followed like a campaign call (agentlinked,
 * agentunlinked, callprogress).
 * <pre>
 * → &lt;dialnumber&gt;&lt;agent_number&gt;SIP/1003&lt;/agent_number&gt;&lt;agent_hash&gt;…&lt;/agent_hash&gt;
 *     &lt;phone&gt;5551234&lt;/phone&gt;&lt;campaign_id&gt;1&lt;/campaign_id&gt;&lt;/dialnumber&gt;
 * ← &lt;dialnumber_response&gt;&lt;success/&gt;&lt;campaign_id&gt;1&lt;/campaign_id&gt;&lt;call_id&gt;42&lt;/call_id&gt;&lt;/dialnumber_response&gt;
 * </pre>
 */
public final class DialNumber {
    /** What a dial string may carry of a number: digits, a leading +, the keypad's * and #. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9*#]{1,32}");

    private DialNumber() {
    }

    public static XmlElement dialNumber(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, AgentCall.AGENT_NOT_FOUND);
        }
        String phone = Args.required(request, "phone").trim();
        if (!PHONE.matcher(phone).matches()) {
            throw EccpFailure.wrapped(417, "Invalid phone number");
        }
        Optional<Integer> campaign = Optional.empty();
        Optional<String> campaignText = Args.nonBlank(request, "campaign_id");
        if (campaignText.isPresent()) {
            OptionalInt id = Args.parseInt(campaignText.get());
            if (id.isEmpty() || id.getAsInt() <= 0) {
                throw EccpFailure.wrapped(417, "Invalid campaign_id");
            }
            campaign = Optional.of(id.getAsInt());
        }
        ClickToCall.Outcome outcome = Waits.await(context.services().engine().dialNumber(agent, phone, campaign),
                "No answer from Asterisk in time");
        outcome.failure().ifPresent(f -> {
            throw EccpFailure.wrapped(f.code(), f.message());
        });
        return XmlElement.builder(context.name().responseName()).add(XmlElement.empty("success"))
                .add("campaign_id", String.valueOf(outcome.campaignId()))
                .add("call_id", String.valueOf(outcome.callId())).build();
    }
}
