package org.dialerd.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.MembershipSource;

/**
 * Dynamic agents' queues as FreePBX keeps them and the reference daemon reads them: astdb
 * keys {@code /QPENALTY/<queue>/agents/<agent number> : <penalty>}, read with the CLI command
 * {@code database show QPENALTY}. Blocks the calling (worker) thread up to the timeout.
 */
public final class AstdbMembershipSource implements MembershipSource {
    private static final Pattern KEY = Pattern.compile("^/QPENALTY/([^/\\s]+)/agents/([^\\s:]+)\\s*:\\s*(-?\\d*)");

    private final PbxGateway pbx;
    private final Duration timeout;

    public AstdbMembershipSource(PbxGateway pbx, Duration timeout) {
        this.pbx = pbx;
        this.timeout = timeout;
    }

    @Override
    public List<Membership> queuesOf(Agent agent) {
        PbxReply reply;
        try {
            reply = pbx.send(new PbxAction.Command("database show QPENALTY"))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PbxException("interrupted reading astdb QPENALTY", e);
        } catch (Exception e) {
            throw new PbxException("cannot read astdb QPENALTY: " + e.getMessage(), e);
        }
        return parse(reply.output(), agent.number());
    }

    static List<Membership> parse(List<String> output, String agentNumber) {
        List<Membership> queues = new ArrayList<>();
        for (String line : output) {
            Matcher m = KEY.matcher(line.trim());
            if (m.find() && m.group(2).equals(agentNumber)) {
                int penalty = m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
                queues.add(new Membership(m.group(1), penalty));
            }
        }
        return queues;
    }
}
