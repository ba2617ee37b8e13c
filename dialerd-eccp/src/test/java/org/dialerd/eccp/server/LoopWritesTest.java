package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A callprogress event to four wallboards on two event loops: one task per loop, every byte in order. */
class LoopWritesTest {

    /** An event loop that counts the tasks handed to it. */
    private static final class CountingLoop extends DefaultEventLoop {
        final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            super.execute(task);
        }
    }

    private final CountingLoop a = new CountingLoop();
    private final CountingLoop b = new CountingLoop();
    private final DefaultEventLoopGroup server = new DefaultEventLoopGroup(1);
    private final List<Channel> open = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        open.forEach(Channel::close);
        server.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        a.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        b.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void anEventToFourReceiversOnTwoLoopsIsOneTaskPerLoopAndReachesEachInOrder() throws Exception {
        LocalAddress address = new LocalAddress("loop-writes-" + System.nanoTime());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        open.add(new ServerBootstrap().group(server).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        StringBuilder text = new StringBuilder();
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf bytes = (ByteBuf) msg;
                                text.append(bytes.toString(StandardCharsets.US_ASCII));
                                bytes.release();
                                while (text.indexOf("</event>\n") >= 0) {
                                    int end = text.indexOf("</event>\n") + "</event>\n".length();
                                    received.add(text.substring(0, end));
                                    text.delete(0, end);
                                }
                            }
                        });
                    }
                }).bind(address).sync().channel());
        SessionRegistry registry = new SessionRegistry(1 << 20);
        for (int i = 0; i < 4; i++) {
            Channel wallboard = new Bootstrap().group(i % 2 == 0 ? a : b).channel(LocalChannel.class)
                    .handler(new ChannelInboundHandlerAdapter()).connect(address).sync().channel();
            open.add(wallboard);
            EccpSession session = new EccpSession("test");
            session.loggedIn("u", "c");
            session.callProgress(true);
            registry.update(session, wallboard);
        }
        int tasksA = a.tasks.get();
        int tasksB = b.tasks.get();

        registry.publishToAll(XmlElement.of("event", XmlElement.of("callprogress",
                XmlElement.text("uniqueid", "1.1"))), true);
        registry.publishToAll(XmlElement.of("event", XmlElement.of("callprogress",
                XmlElement.text("uniqueid", "1.2"))), true);

        List<String> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String event = received.poll(10, TimeUnit.SECONDS);
            assertTrue(event != null, "only " + i + " of 8 events arrived");
            events.add(event);
        }
        assertEquals(2, a.tasks.get() - tasksA, "one task per event on loop a (two receivers)");
        assertEquals(2, b.tasks.get() - tasksB, "one task per event on loop b (two receivers)");
        assertEquals(4, events.stream().filter(e -> e.contains("<uniqueid>1.1</uniqueid>")).count());
        assertEquals(4, events.stream().filter(e -> e.contains("<uniqueid>1.2</uniqueid>")).count());
        assertTrue(events.stream().allMatch(e -> e.startsWith("<?xml version=\"1.0\"?>\n<event><callprogress>")),
                events.toString());
    }
}
