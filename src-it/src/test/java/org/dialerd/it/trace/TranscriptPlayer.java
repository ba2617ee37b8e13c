package org.dialerd.it.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a transcript against a running dialerd over real TCP and compares byte for byte.
 * Masks what differs on every run: the {@code app_cookie} of each login, and the agent
 * hashes derived from it (a recorded hash that was right for the recorded cookie is
 * recomputed with ours; deliberately wrong hashes are sent as recorded).
 */
public final class TranscriptPlayer {
    private static final Pattern COOKIE = Pattern.compile("<app_cookie>([0-9a-f]{32})</app_cookie>");
    private static final Pattern AGENT = Pattern.compile("<agent_number>([^<]*)</agent_number>");
    private static final Pattern HASH = Pattern.compile("<agent_hash>([^<]*)</agent_hash>");
    private static final String AGENT_PASSWORD = "demo";
    private static final int READ_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;

    public TranscriptPlayer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public void play(Transcript.Connection connection) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String recordedCookie = null;
            String ourCookie = null;
            for (Transcript.Case c : connection.cases()) {
                String request = ourCookie == null ? c.request() : rehash(c.request(), recordedCookie, ourCookie);
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (c.expected().isEmpty()) {
                    continue;
                }
                String actual = readAtLeast(in, c.expected().getBytes(StandardCharsets.UTF_8).length);
                Matcher expectedCookie = COOKIE.matcher(c.expected());
                Matcher actualCookie = COOKIE.matcher(actual);
                String expected = c.expected();
                if (expectedCookie.find() && actualCookie.find()) {
                    recordedCookie = expectedCookie.group(1);
                    ourCookie = actualCookie.group(1);
                    expected = expected.replace(recordedCookie, ourCookie);
                }
                assertEquals(expected, actual, "case '" + c.description() + "'");
                if (c.serverCloses()) {
                    assertTrue(closedByServer(in), "case '" + c.description() + "': server should close");
                }
            }
        }
    }

    private static String rehash(String request, String recordedCookie, String ourCookie) {
        Matcher agent = AGENT.matcher(request);
        Matcher hash = HASH.matcher(request);
        if (!agent.find() || !hash.find()) {
            return request;
        }
        String recorded = md5(recordedCookie + agent.group(1) + AGENT_PASSWORD);
        if (!recorded.equals(hash.group(1))) {
            return request;
        }
        return request.replace(hash.group(0),
                "<agent_hash>" + md5(ourCookie + agent.group(1) + AGENT_PASSWORD) + "</agent_hash>");
    }

    /** Reads until at least {@code length} bytes arrived, or the server stops sending. */
    private static String readAtLeast(InputStream in, int length) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (received.size() < length) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // Fall through: the comparison shows what arrived.
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset counts as closed
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
