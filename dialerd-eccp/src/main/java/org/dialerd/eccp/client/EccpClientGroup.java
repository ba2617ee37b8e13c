package org.dialerd.eccp.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many clients over a few I/O threads. {@link EccpClient#connect} gives every connection a
 * thread of its own, which is right for a console and wrong for a load tool holding 10,000
 * sessions: clients from {@link #connect} share this group's threads instead. Closing a client
 * closes its connection only; closing the group stops the threads (close the clients first).
 *
 * <pre>{@code
 * try (EccpClientGroup group = EccpClientGroup.of(2)) {
 *     EccpClient eccp = group.connect("127.0.0.1", 20005, Duration.ofSeconds(10));
 *     eccp.login("agentconsole", "agentconsole");
 * }
 * }</pre>
 */
public final class EccpClientGroup implements AutoCloseable {
    private final EventLoopGroup group;

    private EccpClientGroup(EventLoopGroup group) {
        this.group = group;
    }

    /** {@code ioThreads} daemon I/O threads (at least 1). */
    public static EccpClientGroup of(int ioThreads) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        AtomicInteger next = new AtomicInteger();
        return new EccpClientGroup(new NioEventLoopGroup(ioThreads, runnable -> {
            Thread thread = new Thread(runnable, "eccp-client-group-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** A plain-TCP client on this group's threads; {@code timeout} bounds the connect and every synchronous call. */
    public EccpClient connect(String host, int port, Duration timeout) {
        return new EccpClient(new EccpConnection(host, port, timeout, group), timeout);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
