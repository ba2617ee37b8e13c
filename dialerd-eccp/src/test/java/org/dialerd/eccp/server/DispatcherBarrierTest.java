package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** Which requests wait for the engine's earlier writes before they read. */
class DispatcherBarrierTest {
    private final List<String> waited = new ArrayList<>();
    private final EccpSession session = new EccpSession("test");

    private void dispatch(RequestName name) {
        ReadBarrier barrier = max -> waited.add(name.wireName());
        new Dispatcher(Map.of(name, (c, r) -> Replies.success(name)), FakeServices.create(() -> true), barrier,
                EccpMetrics.NONE).dispatch(session, new EccpRequest("1", XmlElement.empty(name.wireName())));
    }

    @Test
    void agentActionsDoNotWaitForWritesWhileReadsOfCallRowsDo() {
        session.loggedIn("u", "c");
        for (RequestName action : List.of(RequestName.PAUSEAGENT, RequestName.UNPAUSEAGENT, RequestName.HOLD,
                RequestName.UNHOLD, RequestName.HANGUP, RequestName.TRANSFERCALL, RequestName.ATXFERCALL)) {
            dispatch(action);
        }
        dispatch(RequestName.GETCALLINFO);

        assertEquals(List.of("getcallinfo"), waited);
    }
}
