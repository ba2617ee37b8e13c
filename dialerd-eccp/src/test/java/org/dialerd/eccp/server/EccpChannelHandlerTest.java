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
            (context, request) -> XmlElement.empty("getrequestlist_response")), FakeServices.create(() -> false));
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
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getrequestlist")));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertTrue(channel.isOpen(), "reading is paused by the server while it answers: not the client's idleness");
        runQueuedWork();
        assertEquals("<response id=\"1\"><getrequestlist_response/></response>", channel.readOutbound().toString());
    }

    @Test
    void aConnectionWithNothingInFlightIsClosedWhenIdle() {
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getrequestlist")));
        runQueuedWork();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(channel.isOpen());
    }
}
