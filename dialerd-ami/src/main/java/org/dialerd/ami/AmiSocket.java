package org.dialerd.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The AMI TCP connection asterisk-java reads and writes, with a line reader of our own: lines end
 * at {@code \r\n} exactly (a lone {@code \r} or {@code \n} stays in the line), are decoded as
 * UTF-8, and each costs one String. asterisk-java's own facade ({@code SocketConnectionFacadeImpl}:
 * the same socket options, a regex-delimited scanner over a decoding reader) allocated a
 * StringBuilder, a CharBuffer and two copies per line: 40 % of its reader thread's allocation in
 * the 200 calls/s profile. Writes are asterisk-java's as before (UTF-8, buffered, flushed on its
 * request). A read timeout ({@code readTimeoutMillis}, half-open detection) throws
 * {@link java.net.SocketTimeoutException} from {@link #readLine()} as asterisk-java's did.
 */
final class AmiSocket implements SocketConnectionFacade {
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Socket socket;
    private final InputStream in;
    private final Writer writer;
    // reader thread only
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];

    AmiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Connects as asterisk-java does: connect timeout {@code connectTimeoutMillis}, read timeout {@code readTimeoutMillis}. */
    static AmiSocket connect(String host, int port, int connectTimeoutMillis, int readTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(readTimeoutMillis);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new AmiSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The next line without its {@code \r\n}; at the end of the stream the unterminated rest, then null. */
    @Override
    public String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 ? null : new String(line, 0, length, StandardCharsets.UTF_8);
            }
            byte b = buffer[position++];
            if (b == LF && length > 0 && line[length - 1] == CR) {
                return new String(line, 0, length - 1, StandardCharsets.UTF_8);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
        }
    }

    /**
     * The rest of the current packet (its lines up to the blank one, or to the end of the stream),
     * read without decoding: a packet that is dropped unread ({@link NoiseEvents}) then costs no
     * String at all. The returned object is reused by the next call.
     */
    RawPacket readRest() throws IOException {
        RawPacket packet = rest;
        packet.clear();
        while (true) {
            int start = packet.length;
            int length = 0;
            while (true) {
                if (position == limit && !fill()) {
                    if (length > 0) {
                        packet.endLine(start, start + length);
                    }
                    return packet; // not complete
                }
                byte b = buffer[position++];
                if (b == LF && length > 0 && packet.bytes[start + length - 1] == CR) {
                    length--;
                    break;
                }
                packet.append(b);
                length++;
            }
            packet.length = start + length;
            if (length == 0) {
                packet.complete = true;
                return packet;
            }
            packet.endLine(start, start + length);
        }
    }

    private final RawPacket rest = new RawPacket();

    /** Reads the next bytes from the socket into the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Lines of one packet as undecoded bytes (UTF-8); see {@link #readRest()}. */
    static final class RawPacket {
        private byte[] bytes = new byte[2048];
        private int length;
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private int lines;
        private boolean complete;

        void clear() {
            length = 0;
            lines = 0;
            complete = false;
        }

        private void append(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }

        private void endLine(int start, int end) {
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
                ends = Arrays.copyOf(ends, lines * 2);
            }
            starts[lines] = start;
            ends[lines] = end;
            lines++;
            length = end;
        }

        /** Lines read (the blank line not counted). */
        int lines() {
            return lines;
        }

        /** Whether the packet's blank line was read (else the stream ended first). */
        boolean complete() {
            return complete;
        }

        /** Line {@code i} decoded. */
        String line(int i) {
            return new String(bytes, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
        }

        /** Whether line {@code i} starts with {@code prefix} (ASCII, compared without case). */
        boolean startsWith(int i, String prefix) {
            int start = starts[i];
            if (ends[i] - start < prefix.length()) {
                return false;
            }
            for (int k = 0; k < prefix.length(); k++) {
                int c = bytes[start + k];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != Character.toLowerCase(prefix.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** Line {@code i} after its first {@code from} bytes, decoded and trimmed. */
        String valueFrom(int i, int from) {
            int start = starts[i] + from;
            return new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8).trim();
        }
    }

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
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
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
