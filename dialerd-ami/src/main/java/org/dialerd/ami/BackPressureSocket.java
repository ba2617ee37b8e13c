package org.dialerd.ami;

import java.io.IOException;
import java.net.InetAddress;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's socket with the {@link IngestGate} in front of every packet: its reader calls
 * {@link #readLine()}, and before the first line of a packet it waits for room. Lines are passed
 * on untouched, so asterisk-java parses, builds and orders everything as before.
 */
final class BackPressureSocket implements SocketConnectionFacade {
    private final SocketConnectionFacade socket;
    private final IngestGate gate;
    private boolean atPacketStart = true; // reader thread only

    BackPressureSocket(SocketConnectionFacade socket, IngestGate gate) {
        this.socket = socket;
        this.gate = gate;
    }

    @Override
    public String readLine() throws IOException {
        if (atPacketStart) {
            gate.awaitRoom();
        }
        String line = socket.readLine();
        atPacketStart = line != null && line.isEmpty();
        if (atPacketStart) {
            gate.packetRead();
        }
        return line;
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
