package org.dialerd.eccp.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event's writes, grouped by the receivers' event loops: each loop gets one task that writes
 * and flushes the event to all of its receivers, instead of one task per receiver (four
 * wallboards on two loops: two tasks per event instead of four, and a loop that went back to
 * sleep between two of one event's writes is not woken twice). On the caller's own loop
 * the writes happen at once. Per channel the order is unchanged: every write to a channel from
 * another thread is a task on its loop, in the order handed over. Not thread-safe: one per
 * publication.
 */
final class LoopWrites {
    private static final Logger log = LoggerFactory.getLogger(LoopWrites.class);

    /** Loops in the order first met, with their channels and messages (usually one or two loops). */
    private final List<EventLoop> loops = new ArrayList<>(2);
    private final List<List<Object>> batches = new ArrayList<>(2);

    void add(Channel channel, Object message) {
        EventLoop loop = channel.eventLoop();
        int i = loops.indexOf(loop);
        if (i < 0) {
            loops.add(loop);
            batches.add(new ArrayList<>(4));
            i = loops.size() - 1;
        }
        List<Object> batch = batches.get(i);
        batch.add(channel);
        batch.add(message);
    }

    /** Hands every loop its writes. */
    void flush() {
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            List<Object> batch = batches.get(i);
            if (loop.inEventLoop()) {
                write(batch);
                continue;
            }
            try {
                loop.execute(() -> write(batch));
            } catch (RejectedExecutionException e) {
                log.debug("event not written, event loop shut down: {}", e.toString());
                for (int k = 1; k < batch.size(); k += 2) {
                    ReferenceCountUtil.release(batch.get(k));
                }
            }
        }
    }

    private static void write(List<Object> batch) {
        for (int k = 0; k < batch.size(); k += 2) {
            Channel channel = (Channel) batch.get(k);
            channel.writeAndFlush(batch.get(k + 1), channel.voidPromise());
        }
    }
}
