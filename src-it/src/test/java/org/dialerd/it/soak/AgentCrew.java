package org.dialerd.it.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.PbxHarness;

/**
 * The soak's ten agents SIP/1001..1010, each with its own console session: every virtual
 * minute the next agent goes on a break and the one before comes back, and every seventh
 * minute one logs out and logs in again a minute later. What an agent does next is decided from dialerd's view, not
 * from the answer: a pause whose AMI answer was lost is answered 500 although Asterisk paused
 * the member, and dialerd's view must follow Asterisk ({@link #assertMatchesThePbx}).
 */
final class AgentCrew implements AutoCloseable {
    static final int AGENTS = 10;
    private static final int BREAK = 2;
    private static final String QUEUE = "8000";

    private final PbxHarness pbx;
    private final AgentEngine engine;
    private final List<EccpClient> consoles = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private int loggedOut = -1;
    private long operations;

    AgentCrew(PbxHarness pbx, AgentEngine engine) {
        this.pbx = pbx;
        this.engine = engine;
        for (int i = 0; i < AGENTS; i++) {
            EccpClient console = EccpClient.connect("127.0.0.1", pbx.eccpPort());
            consoles.add(console);
            console.login("agentconsole", "agentconsole");
            login(i);
        }
    }

    /** This virtual minute's changes. */
    void minute(long minute) {
        if (loggedOut >= 0) {
            login(loggedOut);
            loggedOut = -1;
        }
        int onBreak = (int) (minute % AGENTS);
        for (int i = 0; i < AGENTS; i++) {
            AgentView view = view(i);
            if (view.status() == AgentStatus.OFFLINE) {
                continue;
            }
            if (i != onBreak && view.pause().isPresent()) {
                note(consoles.get(i).unpauseAgent(agent(i)), i, "unpause");
            } else if (i == onBreak && view.pause().isEmpty()) {
                note(consoles.get(i).pauseAgent(agent(i), BREAK), i, "pause");
            }
        }
        if (minute % 7 == 3) {
            int leaving = (int) ((minute / 7 + 5) % AGENTS);
            if (leaving != onBreak && view(leaving).status() != AgentStatus.OFFLINE) {
                note(consoles.get(leaving).logoutAgent(agent(leaving)), leaving, "logout");
                loggedOut = leaving;
            }
        }
    }

    private void login(int i) {
        EccpResponse answer = consoles.get(i).loginAgent(agent(i), extension(i));
        operations++;
        if (!"logged-in".equals(answer.text("status").orElse(""))) {
            refusals.add("login " + extension(i) + ": " + answer.body());
        }
    }

    private void note(EccpResponse answer, int i, String what) {
        operations++;
        if (!answer.isSuccess()) {
            refusals.add(what + " " + extension(i) + ": " + answer.failure().map(f -> f.code() + " " + f.message())
                    .orElse(answer.body().toString()));
        }
    }

    /**
     * Each agent as dialerd shows it against Asterisk's queue 8000: logged in exactly when it
     * is a member, on a break exactly when the member is paused, and (when {@code quiet}: no
     * call anywhere) not on a call.
     */
    void assertMatchesThePbx(String when, boolean quiet) {
        for (int i = 0; i < AGENTS; i++) {
            String iface = "Local/" + extension(i) + "@agents";
            String expected = pbx.simulator().inPbx(p -> p.queues().find(QUEUE).flatMap(q -> q.member(iface))
                    .map(m -> m.paused() ? "paused" : "unpaused").orElse("logged out"));
            AgentView view = view(i);
            String actual = view.status() == AgentStatus.OFFLINE ? "logged out"
                    : view.pause().isPresent() ? "paused" : "unpaused";
            assertEquals(expected, actual, extension(i) + " " + when + " (dialerd: " + view.status() + ")");
            if (quiet) {
                assertEquals(Optional.empty(), view.call(), extension(i) + " still on a call " + when);
                // A session whose unread output passed max_outbound_bytes would have been closed.
                assertEquals(true, consoles.get(i).isOpen(), extension(i) + "'s console session " + when);
            }
        }
    }

    /** Requests refused or unanswered (lost AMI answers give 500): listed, not failures. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    long operations() {
        return operations;
    }

    private AgentView view(int i) {
        return engine.view(extension(i)).or(() -> engine.view("SIP/" + extension(i))).orElseThrow(
                () -> new AssertionError("dialerd does not track " + extension(i) + ": " + engine.views()));
    }

    private static AgentCredentials agent(int i) {
        return new AgentCredentials("SIP/" + extension(i), "demo");
    }

    private static String extension(int i) {
        return String.valueOf(1001 + i);
    }

    @Override
    public void close() {
        consoles.forEach(EccpClient::close);
    }
}
