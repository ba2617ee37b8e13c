package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class EccpChannelHandlerTest {
    /** Worker tasks wait here until the test runs them, on its own thread. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(Map.of(RequestName.GETREQUESTLIST,
            (context, request) -> XmlElement.empty("getrequestlist_response"), RequestName.GETCAMPAIGNLIST,
            (context, request) -> XmlElement.empty("getcampaignlist_response")), FakeServices.create(() -> false));
    private final EmbeddedChannel channel = new EmbeddedChannel(new EccpChannelHandler(dispatcher, queued::add, queued::add,
            EccpServerSettings.defaults(), new SessionRegistry(1 << 20)));

    private void runQueuedWork() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        channel.runPendingTasks();
    }

    @Test
    void aConnectionWithRequestsStillBeingAnsweredIsNotIdle() {
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getcampaignlist")));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertTrue(channel.isOpen(), "reading is paused by the server while it answers: not the client's idleness");
        runQueuedWork();
        assertTrue(channel.readOutbound().toString().startsWith("<response id=\"1\">"));
    }

    @Test
    void aRequestAnsweredFromTheEnginesViewsIsAnsweredOnTheEventLoopWhenNothingIsInFlight() {
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getrequestlist")));

        assertTrue(queued.isEmpty(), "no hand-off to a worker");
        assertEquals("<response id=\"1\"><getrequestlist_response/></response>", channel.readOutbound().toString());
    }

    @Test
    void aQuickRequestBehindOneStillBeingAnsweredWaitsItsTurn() {
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getcampaignlist")),
                new EccpRequest("2", XmlElement.empty("getrequestlist")));
        assertEquals(null, (Object) channel.readOutbound(), "request 2 must not overtake request 1");

        runQueuedWork();
        assertTrue(channel.readOutbound().toString().startsWith("<response id=\"1\">"));
        assertEquals("<response id=\"2\"><getrequestlist_response/></response>", channel.readOutbound().toString());
    }

    @Test
    void aRequestAnsweredFromMemoryIsAnsweredOnTheEventLoopAndOneThatReadsTheDatabaseOnTheDatabaseExecutor() {
        java.util.concurrent.atomic.AtomicBoolean inMemory = new java.util.concurrent.atomic.AtomicBoolean(true);
        Dispatcher pauses = new Dispatcher(Map.of(RequestName.GETPAUSES,
                (context, request) -> XmlElement.empty("getpauses_response")), FakeServices.create(() -> false),
                ReadBarrier.NONE, EccpMetrics.NONE, name -> name == RequestName.GETPAUSES && inMemory.get());
        List<Runnable> workers = new ArrayList<>();
        List<Runnable> database = new ArrayList<>();
        EmbeddedChannel connection = new EmbeddedChannel(new EccpChannelHandler(pauses, workers::add, database::add,
                EccpServerSettings.defaults(), new SessionRegistry(1 << 20)));

        connection.writeInbound(new EccpRequest("1", XmlElement.empty("getpauses")));
        assertTrue(workers.isEmpty() && database.isEmpty(), "answered from memory: no hand-off at all");
        assertEquals("<response id=\"1\"><failure><code>401</code><message>Unauthorized</message></failure></response>",
                connection.readOutbound().toString());

        inMemory.set(false); // the break table waits for a reload: the answer may read the database
        connection.writeInbound(new EccpRequest("2", XmlElement.empty("getpauses")));
        assertEquals(1, workers.size(), "not from memory now: off the event loop");
        workers.remove(0).run();
        assertEquals(1, database.size());
        database.remove(0).run();
        connection.runPendingTasks();
        assertTrue(connection.readOutbound().toString().startsWith("<response id=\"2\">"));
    }

    @Test
    void aCampaignListFilterTheDatabaseMayAnswerIsNotAnsweredOnTheEventLoop() {
        Dispatcher lists = new Dispatcher(Map.of(RequestName.GETCAMPAIGNLIST,
                (context, request) -> XmlElement.empty("getcampaignlist_response")), FakeServices.create(() -> false),
                ReadBarrier.NONE, EccpMetrics.NONE, name -> true);
        List<Runnable> workers = new ArrayList<>();
        List<Runnable> database = new ArrayList<>();
        EmbeddedChannel connection = new EmbeddedChannel(new EccpChannelHandler(lists, workers::add, database::add,
                EccpServerSettings.defaults(), new SessionRegistry(1 << 20)));

        connection.writeInbound(new EccpRequest("1", XmlElement.empty("getcampaignlist")));
        assertTrue(workers.isEmpty(), "no filter: from memory, on the event loop");
        assertTrue(connection.readOutbound().toString().startsWith("<response id=\"1\">"));

        for (String filter : List.of("filtername", "datetime_start", "datetime_end")) {
            connection.writeInbound(new EccpRequest("2", XmlElement.builder("getcampaignlist").add(filter, "x%").build()));
            assertEquals(1, workers.size(), filter + ": the cached store may hand it to SQL, so off the event loop");
            workers.remove(0).run();
            connection.runPendingTasks();
            assertTrue(connection.readOutbound().toString().startsWith("<response id=\"2\">"), filter);
        }
    }

    @Test
    void aRequestFromMemoryBehindOneStillBeingAnsweredWaitsItsTurn() {
        Dispatcher both = new Dispatcher(Map.of(RequestName.GETPAUSES,
                (context, request) -> XmlElement.empty("getpauses_response"), RequestName.GETCALLINFO,
                (context, request) -> XmlElement.empty("getcallinfo_response")), FakeServices.create(() -> false),
                ReadBarrier.NONE, EccpMetrics.NONE, name -> name == RequestName.GETPAUSES);
        List<Runnable> workers = new ArrayList<>();
        List<Runnable> database = new ArrayList<>();
        EmbeddedChannel connection = new EmbeddedChannel(new EccpChannelHandler(both, workers::add, database::add,
                EccpServerSettings.defaults(), new SessionRegistry(1 << 20)));

        connection.writeInbound(new EccpRequest("1", XmlElement.empty("getcallinfo")),
                new EccpRequest("2", XmlElement.empty("getpauses")));
        assertEquals(null, (Object) connection.readOutbound(), "request 2 must not overtake request 1");
        while (!workers.isEmpty() || !database.isEmpty()) {
            (workers.isEmpty() ? database : workers).remove(0).run();
            connection.runPendingTasks();
        }
        assertTrue(connection.readOutbound().toString().startsWith("<response id=\"1\">"));
        assertTrue(connection.readOutbound().toString().startsWith("<response id=\"2\">"));
    }

    @Test
    void aConnectionWithNothingInFlightIsClosedWhenIdle() {
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getrequestlist")));
        runQueuedWork();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(channel.isOpen());
    }

    @Test
    void aCachedAnswerIsGivenOnTheEventLoopAndAMissIsReadByAWorkerInItsTurn() {
        org.dialerd.core.store.answers.AnswerCache cache = new org.dialerd.core.store.answers.AnswerCache(() -> 0L);
        cache.checked(List.of(), 0L);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Dispatcher calls = new Dispatcher(Map.of(RequestName.GETCALLINFO, (context, request) -> XmlElement.text(
                "getcallinfo_response", cache.get(request.childText("call_id").orElseThrow(),
                        () -> "read " + reads.incrementAndGet()))), FakeServices.create(() -> false),
                ReadBarrier.NONE, EccpMetrics.NONE, name -> name == RequestName.GETCALLINFO && cache.serving());
        List<Runnable> workers = new ArrayList<>();
        EccpChannelHandler handler = new EccpChannelHandler(calls, workers::add, workers::add,
                EccpServerSettings.defaults(), new SessionRegistry(1 << 20));
        EmbeddedChannel connection = new EmbeddedChannel(handler);
        handler.loggedInForWarmup();

        connection.writeInbound(new EccpRequest("1", XmlElement.builder("getcallinfo").add("call_id", 5).build()));
        assertEquals(1, workers.size(), "not in the cache: handed to a worker, nothing answered on the event loop");
        assertEquals(null, (Object) connection.readOutbound());
        assertEquals(0, reads.get(), "the event loop read nothing");
        connection.writeInbound(new EccpRequest("2", XmlElement.builder("getcallinfo").add("call_id", 5).build()));
        assertEquals(null, (Object) connection.readOutbound(), "request 2 waits behind request 1");
        while (!workers.isEmpty()) {
            workers.remove(0).run();
        }
        connection.runPendingTasks();
        assertEquals("<response id=\"1\"><getcallinfo_response>read 1</getcallinfo_response></response>",
                connection.readOutbound().toString());
        assertEquals("<response id=\"2\"><getcallinfo_response>read 1</getcallinfo_response></response>",
                connection.readOutbound().toString());

        connection.writeInbound(new EccpRequest("3", XmlElement.builder("getcallinfo").add("call_id", 5).build()));
        assertTrue(workers.isEmpty(), "in the cache now: answered on the event loop");
        assertEquals("<response id=\"3\"><getcallinfo_response>read 1</getcallinfo_response></response>",
                connection.readOutbound().toString());
        assertEquals(1, reads.get());
    }
}
