package org.dialerd.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;

/** Records actions, answers them with a scripted reply, and lets the test inject events. */
final class FakePbx implements PbxGateway {
    final List<PbxAction> sent = new ArrayList<>();
    private final List<Consumer<PbxEvent>> listeners = new ArrayList<>();
    Function<PbxAction, PbxReply> replies = action -> PbxReply.ok("Success");
    /** How each action is answered; by default with {@link #replies}. Tests make answers fail or never come. */
    Function<PbxAction, CompletableFuture<PbxReply>> answers = action -> CompletableFuture.completedFuture(
            replies.apply(action));

    /** What {@link #isConnected} says; tests take the connection away. */
    volatile boolean connected = true;

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public synchronized CompletableFuture<PbxReply> send(PbxAction action) {
        sent.add(action);
        return answers.apply(action);
    }

    @Override
    public void addListener(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    void emit(PbxEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    <T extends PbxAction> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
