package org.dialerd.it.eccp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A plain socket for tests that need exact bytes on the wire. */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final StringBuilder received = new StringBuilder();

    public RawConnection(int port) throws IOException {
        this("127.0.0.1", port);
    }

    /** From another loopback address (127.0.0.2, …): the server sees a different client address. */
    public RawConnection(String localAddress, int port) throws IOException {
        socket = new Socket("127.0.0.1", port, java.net.InetAddress.getByName(localAddress), 0);
        socket.setSoTimeout(200);
        in = socket.getInputStream();
    }

    public void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until the text received so far contains {@code marker} occurrences {@code count} times. */
    public String awaitCount(String marker, int count, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (occurrences(received, marker) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout + " for " + count + " x '" + marker + "', got: "
                        + abbreviate(received));
            }
            if (!readSome()) {
                break;
            }
        }
        return received.toString();
    }

    /** True when the server closes the connection within the timeout. */
    public boolean awaitClosed(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                byte[] buffer = new byte[8192];
                int n = in.read(buffer);
                if (n < 0) {
                    return true;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    public String received() {
        return received.toString();
    }

    private boolean readSome() throws IOException {
        byte[] buffer = new byte[65536];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(buffer, 0, n);
            received.append(bytes.toString(StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            // nothing yet
        }
        return true;
    }

    private static int occurrences(CharSequence text, String marker) {
        int count = 0;
        int from = 0;
        String s = text.toString();
        while ((from = s.indexOf(marker, from)) >= 0) {
            count++;
            from += marker.length();
        }
        return count;
    }

    private static String abbreviate(CharSequence text) {
        return text.length() < 600 ? text.toString() : text.subSequence(0, 600) + "…";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
