package org.dialerd.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.asteriskjava.util.SocketConnectionFacade;
import org.dialerd.core.pbx.PbxEvent;

/**
 * asterisk-java's socket with the {@link IngestGate} in front of every packet: its reader calls
 * {@link #readLine()}, and before the first line of a packet it waits for room. Packets that are
 * {@link NoiseEvents} are read whole and not passed on (counted, so /metrics still shows them),
 * unless {@code keepAll} says every event is wanted (the AMI event log is on); a candidate that
 * turns out to be needed is handed over line by line as read. The engine's busiest events
 * ({@link RawEvents}) are read whole too, translated here, and asterisk-java gets a one-header
 * {@link PreparedEvents#MARKER} packet in their place, which its pump delivers in order. Every
 * other line is passed on untouched, so asterisk-java parses, builds and orders the rest as before.
 */
final class BackPressureSocket implements SocketConnectionFacade {
    private final SocketConnectionFacade socket;
    private final IngestGate gate;
    private final Consumer<String> skipped;
    private final BooleanSupplier keepAll;
    private final PreparedEvents prepared;
    private final BooleanSupplier fast;
    // reader thread only
    private boolean atPacketStart = true;
    /** Lines of a noise candidate that turned out to be needed, still to hand over. */
    private final ArrayDeque<String> replay = new ArrayDeque<>();
    private boolean endOfStream;
    /** The thread reading this socket (asterisk-java's reader), once it has read. */
    private volatile Thread reader;

    BackPressureSocket(SocketConnectionFacade socket, IngestGate gate) {
        this(socket, gate, name -> { }, () -> true);
    }

    /** {@code skipped}: told the counted name of every noise event dropped here. No event is prepared. */
    BackPressureSocket(SocketConnectionFacade socket, IngestGate gate, Consumer<String> skipped,
                       BooleanSupplier keepAll) {
        this(socket, gate, skipped, keepAll, null, () -> false);
    }

    /**
     * {@code prepared}: where the events {@link RawEvents} translates go while {@code fast} says
     * so; asterisk-java then reads a {@link PreparedEvents#MARKER} packet in their place.
     */
    BackPressureSocket(SocketConnectionFacade socket, IngestGate gate, Consumer<String> skipped,
                       BooleanSupplier keepAll, PreparedEvents prepared, BooleanSupplier fast) {
        this.socket = socket;
        this.gate = gate;
        this.skipped = skipped;
        this.keepAll = keepAll;
        this.prepared = prepared;
        this.fast = fast;
    }

    @Override
    public String readLine() throws IOException {
        if (reader == null) {
            reader = Thread.currentThread();
        }
        String line = replay.isEmpty() ? nextLine() : replay.poll();
        atPacketStart = line != null && line.isEmpty();
        if (atPacketStart) {
            gate.packetRead();
        }
        return line;
    }

    /** The thread that reads this socket; null until it has started reading. */
    Thread reader() {
        return reader;
    }

    /** The next line from the socket, past any noise packets. */
    private String nextLine() throws IOException {
        if (endOfStream) {
            return null;
        }
        while (true) {
            if (atPacketStart) {
                gate.awaitRoom();
            }
            String line = socket.readLine();
            if (!atPacketStart || line == null) {
                return line;
            }
            boolean noise = NoiseEvents.mayBeNoise(line);
            boolean translatable = !noise && prepared != null && RawEvents.mayTranslate(line);
            if (!(noise || translatable) || keepAll.getAsBoolean() || (translatable && !fast.getAsBoolean())) {
                return line;
            }
            if (noise && socket instanceof AmiSocket ami) {
                // Our own socket: look at the rest undecoded, so a dropped packet costs no String.
                AmiSocket.RawPacket rest = ami.readRest();
                if (rest.complete() && NoiseEvents.isNoise(line, rest)) {
                    skipped.accept(NoiseEvents.countedAs(line));
                    continue;
                }
                for (int i = 0; i < rest.lines(); i++) {
                    replay.add(rest.line(i));
                }
                if (rest.complete()) {
                    replay.add("");
                } else {
                    endOfStream = true;
                }
                return line;
            }
            List<String> packet = new ArrayList<>(24);
            packet.add(line);
            String next = socket.readLine();
            while (next != null && !next.isEmpty()) {
                packet.add(next);
                next = socket.readLine();
            }
            if (next != null && noise && NoiseEvents.isNoise(packet)) {
                skipped.accept(NoiseEvents.countedAs(line));
                continue;
            }
            PbxEvent event = next != null && translatable ? RawEvents.translate(packet) : null;
            if (event != null) {
                List<String> marker = prepared.prepare(RawEvents.countedAs(line), event);
                replay.addAll(marker.subList(1, marker.size()));
                replay.add(next);
                return marker.get(0);
            }
            replay.addAll(packet.subList(1, packet.size()));
            if (next == null) {
                endOfStream = true; // closed mid-packet: the reader gets the lines read, then null
            } else {
                replay.add(next);
            }
            return line;
        }
    }

    @Override
    public void write(String s) throws IOException {
        socket.write(s);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
