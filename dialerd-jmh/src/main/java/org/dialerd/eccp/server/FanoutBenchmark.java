package org.dialerd.eccp.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One event to the sessions that should get it: {@link SessionRegistry#publish} with
 * {@code sessions} logged-in sessions, 1 % without a filter (wallboards, supervisors) and the rest
 * filtering on one agent each (agent consoles, one agent per console). Each call publishes for the
 * next agent in turn, so the receivers are the unfiltered sessions plus that agent's one. The
 * channels are {@link EmbeddedChannel}s whose head swallows the write (counting it), so what is
 * measured is the lookup, the encoding and the writes, not a socket.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FanoutBenchmark extends AverageTimeBenchmark {
    @Param({"2000", "10000"})
    public int sessions;

    private SessionRegistry registry;
    private EmbeddedChannel[] channels;
    private String[] agents;
    private XmlElement event;
    private int next;
    /** Writes that reached a channel; checked so that the work cannot be skipped. */
    private long written;

    @Setup(Level.Trial)
    public void setUp() {
        registry = new SessionRegistry(Long.MAX_VALUE);
        int unfiltered = Math.max(1, sessions / 100);
        channels = new EmbeddedChannel[sessions];
        agents = new String[sessions - unfiltered];
        for (int i = 0; i < sessions; i++) {
            channels[i] = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    written++;
                    ReferenceCountUtil.release(msg);
                    promise.trySuccess();
                }
            });
            EccpSession session = new EccpSession("10.0.0." + (i % 250) + ":" + (40000 + i));
            session.loggedIn("console" + i, "cookie" + i);
            if (i >= unfiltered) {
                String agent = "Agent/" + (10000 + i);
                agents[i - unfiltered] = agent;
                session.filterByAgent(AgentNumber.parse(agent).orElseThrow());
            }
            registry.update(session, channels[i]);
        }
        event = XmlElement.of("event", XmlElement.builder("agentunlinked").add("agent_number", "Agent/10050")
                .add("calltype", "outgoing").add("campaign_id", 1).add("call_id", 4242).add("phone", "5551234")
                .add("duration", 92).add("shortcall", 0).add("campaignlog_id", 978).build());
    }

    @Benchmark
    public long publishForOneAgent() {
        String agent = agents[next];
        next = next + 1 == agents.length ? 0 : next + 1;
        registry.publish(agent, event, false);
        return written;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (written == 0) {
            throw new IllegalStateException("no event was written");
        }
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }
}
