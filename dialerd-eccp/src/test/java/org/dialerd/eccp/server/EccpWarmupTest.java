package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EccpWarmupTest {
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final Dispatcher dispatcher = new Dispatcher(Map.of(RequestName.GETAGENTSTATUS, (context, request) -> {
        asked.add(request.childText("agent_number").orElse("?") + (context.session().isLoggedIn() ? "" : " anonymous"));
        return XmlElement.of("getagentstatus_response", XmlElement.text("status", "offline"));
    }), FakeServices.create(() -> true));

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void answersEveryRequestThroughTheRealPipelineAsALoggedInSessionAndWritesEvents() {
        EccpWarmup.Report report = new EccpWarmup(dispatcher, workers, workers, EccpServerSettings.defaults())
                .run(100, "Agent/9000");

        assertEquals(100, report.requests());
        assertEquals(100, asked.size());
        assertTrue(asked.stream().allMatch("Agent/9000"::equals), "every request reached the handler logged in: " + asked);
        String answer = "<?xml version=\"1.0\"?>\n<response id=\"1\"><getagentstatus_response><status>offline"
                + "</status></getagentstatus_response></response>\n";
        assertTrue(report.answeredBytes() >= 100L * answer.length(), "answers encoded: " + report.answeredBytes());
        assertEquals(96, report.eventWrites(), "6 events × 16 sessions");
    }

    @Test
    void sendsNothingWhenAskedForNoRequests() {
        EccpWarmup.Report report = new EccpWarmup(dispatcher, workers, workers, EccpServerSettings.defaults())
                .run(0, "Agent/9000");
        assertEquals(0, report.requests());
        assertEquals(List.of(), asked);
    }

    @Test
    void alsoAsksTheReferenceDataRequestsWhenTheyAreAnsweredFromMemory() {
        List<String> names = new CopyOnWriteArrayList<>();
        RequestHandler any = (context, request) -> {
            names.add(request.name() + (context.session().isLoggedIn() ? "" : " anonymous"));
            return XmlElement.empty(request.name() + "_response");
        };
        Map<RequestName, RequestHandler> handlers = Map.of(RequestName.GETAGENTSTATUS, any,
                RequestName.GETCAMPAIGNLIST, any, RequestName.GETPAUSES, any, RequestName.GETINCOMINGQUEUELIST, any);
        Dispatcher fromMemory = new Dispatcher(handlers, FakeServices.create(() -> true), ReadBarrier.NONE,
                EccpMetrics.NONE, name -> true);
        Dispatcher notLoaded = new Dispatcher(handlers, FakeServices.create(() -> true), ReadBarrier.NONE,
                EccpMetrics.NONE, name -> false);

        new EccpWarmup(fromMemory, workers, workers, EccpServerSettings.defaults()).run(96, "Agent/9000");
        assertEquals(72, names.stream().filter("getagentstatus"::equals).count(), "three in four: " + names);
        for (String memory : List.of("getcampaignlist", "getpauses", "getincomingqueuelist")) {
            assertEquals(8, names.stream().filter(memory::equals).count(), memory + ": " + names);
        }

        names.clear();
        new EccpWarmup(notLoaded, workers, workers, EccpServerSettings.defaults()).run(20, "Agent/9000");
        assertEquals(List.of(), names.stream().filter(n -> !n.equals("getagentstatus")).toList(),
                "reference data not in memory: nothing that could read the database");
        assertEquals(20, names.size());
    }
}
