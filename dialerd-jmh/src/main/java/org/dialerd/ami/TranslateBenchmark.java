package org.dialerd.ami;

import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * asterisk-java event bean → {@code PbxEvent}, as {@link AmiGateway} runs it on asterisk-java's
 * event pump for every event. Beans are filled with the fields of the recorded packets
 * (testdata/ami-traces 04, 06); "mix" translates four kinds in turn, one of them (Newexten) the
 * noise that maps to nothing.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TranslateBenchmark extends AverageTimeBenchmark {
    private AmiEventTranslator translator;
    private HangupEvent hangup;
    private AgentConnectEvent agentConnect;
    private QueueMemberStatusEvent memberStatus;
    private ManagerEvent[] mix;
    private int next;

    @Setup
    public void setUp() {
        translator = new AmiEventTranslator();
        hangup = new HangupEvent(this);
        hangup.setChannel("Local/1001@agents-00000002;1");
        hangup.setUniqueId("1795339927.4");
        hangup.setLinkedId("1795339927.4");
        hangup.setCause(16);
        hangup.setCauseTxt("Normal Clearing");
        agentConnect = new AgentConnectEvent(this);
        agentConnect.setQueue("8000");
        agentConnect.setChannel("Local/5551234@customers-00000004;1");
        agentConnect.setUniqueId("1795339962.8");
        agentConnect.setLinkedId("1795339962.8");
        agentConnect.setDestChannel("Local/1001@agents-00000005;1");
        agentConnect.setDestUniqueId("1795339964.10");
        agentConnect.setInterface("Local/1001@agents");
        agentConnect.setMemberName("Agent 1001");
        agentConnect.setHoldTime(2L);
        agentConnect.setRingtime(1L);
        memberStatus = new QueueMemberStatusEvent(this);
        memberStatus.setQueue("8000");
        memberStatus.setMemberName("Agent 1001");
        memberStatus.setInterface("Local/1001@agents");
        memberStatus.setStateinterface("Local/1001@agents");
        memberStatus.setMembership("dynamic");
        memberStatus.setPenalty(0);
        memberStatus.setCallsTaken(3);
        memberStatus.setStatus(2);
        memberStatus.setPaused(false);
        memberStatus.setPausedreason("");
        memberStatus.setIncall(1);
        NewExtenEvent newExten = new NewExtenEvent(this);
        newExten.setChannel("Local/1001@agents-00000002;1");
        newExten.setUniqueId("1795339927.4");
        newExten.setApplication("AppDial2");
        mix = new ManagerEvent[] {hangup, agentConnect, memberStatus, newExten};
    }

    @Benchmark
    public Object hangup() {
        return translator.translate(hangup);
    }

    @Benchmark
    public Object agentConnect() {
        return translator.translate(agentConnect);
    }

    @Benchmark
    public Object queueMemberStatus() {
        return translator.translate(memberStatus);
    }

    @Benchmark
    public void mix(Blackhole bh) {
        ManagerEvent event = mix[next];
        next = (next + 1) & 3;
        bh.consume(translator.translate(event));
    }
}
