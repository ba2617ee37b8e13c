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
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class EccpChannelHandlerTest {
    /** Request tasks wait here until the test runs them: the server is "busy". */
    private final List<Runnable> workers = new ArrayList<>();

    @Test
    void aClientWaitingForAnswersIsNotClosedAsIdle() {
        EmbeddedChannel channel = new EmbeddedChannel(new EccpChannelHandler(
                new Dispatcher(Map.of(), FakeServices.create(() -> true)), workers::add,
                EccpServerSettings.defaults(), new SessionRegistry(1 << 20)));
        channel.writeInbound(new EccpRequest("1", XmlElement.empty("getrequestlist")));

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertTrue(channel.isOpen(), "its request is still being answered");

        workers.remove(0).run();
        channel.runPendingTasks();
        assertEquals(1, channel.outboundMessages().size(), "answered");
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(channel.isOpen(), "idle now");
    }
}
