package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void readsAScenarioAndCountsEverySessionItHolds() {
        LoadOptions o = LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--sessions", "8", "--idle",
                "1000", "--filtered", "2000", "--calls", "200", "--monitors", "4", "--rate", "10000", "--jvm",
                "-Xmx1g -XX:+UseG1GC"});

        assertEquals(Path.of("d.jar"), o.dialerdJar());
        assertEquals(10_000, o.rate());
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), o.jvmOptions());
        assertEquals(8 + 1000 + 2000 + 4, o.totalSessions());
    }

    @Test
    void leavesDialerdsWarmupAloneUnlessAskedAndWritesItIntoTheConfiguration() {
        LoadOptions plain = LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar"});
        LoadOptions cold = LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--warmup-requests", "0"});

        assertEquals(LoadOptions.DIALERD_DEFAULT, plain.warmupRequests());
        assertFalse(DialerdProcess.config(Path.of("w"), 1, 2, 3, plain.warmupRequests()).contains("warmup_requests"));
        assertTrue(DialerdProcess.config(Path.of("w"), 1, 2, 3, cold.warmupRequests()).contains("warmup_requests = 0"));
    }

    @Test
    void refusesABadValueNamingTheOptionAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--pipeline", "0"}));

        assertTrue(e.getMessage().contains("--pipeline '0'"), e.getMessage());
    }

    @Test
    void needsTheDialerdJarAndSomethingToMeasure() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--sessions", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--sessions", "0"}));
    }

    @Test
    void theOriginateScenarioNeedsNoSessionsAndCountsItsAgentsConsoles() {
        LoadOptions o = LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--sessions", "0", "--originate",
                "300", "--numbers", "20000", "--answer-pct", "25", "--entretiempo", "0"});

        assertEquals(300, o.originateAgents());
        assertEquals(20_000, o.numbers());
        assertEquals(25, o.answerPercent());
        assertEquals(0, o.roundSeconds());
        assertEquals(300, o.totalSessions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--originate", "901"}));
        assertTrue(e.getMessage().contains("--originate '901'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--answer-pct", "101"}));
    }

    @Test
    void theLeanClientMeasuresRequestResponseOrAnOpenLoopButNotPipelines() {
        assertFalse(LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar"}).lean());
        assertTrue(LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--client", "lean"}).lean());
        LoadOptions open = LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--client", "lean", "--rate", "100"});
        assertTrue(open.lean());
        assertEquals(100, open.rate());
        for (String[] bad : new String[][] {{"--client", "fast"}, {"--client", "lean", "--pipeline", "2"},
                {"--client", "lean", "--sessions", "0", "--calls", "1"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--dialerd-jar", "d.jar"),
                    java.util.Arrays.stream(bad)).toArray(String[]::new);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args));
            assertTrue(e.getMessage().startsWith("--client"), e.getMessage());
        }
    }

    @Test
    void theToolsTimingThreadsRunAtNormalPriorityUnlessAskedForRealTime() {
        assertFalse(LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar"}).realtimeTool());
        assertTrue(LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--rate", "100", "--tool-priority",
                "realtime"}).realtimeTool());
        IllegalArgumentException flatOut = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--tool-priority", "realtime"}));
        assertTrue(flatOut.getMessage().contains("open loop"), flatOut.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--dialerd-jar", "d.jar", "--tool-priority", "high"}));
        assertTrue(e.getMessage().startsWith("--tool-priority 'high'"), e.getMessage());
    }
}
