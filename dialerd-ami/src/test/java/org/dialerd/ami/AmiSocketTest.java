package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AmiSocket}'s line reader against a real loopback connection. */
class AmiSocketTest {
    private ServerSocket server;
    private AmiSocket client;
    private Socket peer;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = AmiSocket.connect("127.0.0.1", server.getLocalPort(), 2_000, 2_000);
        peer = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        peer.close();
        server.close();
    }

    @Test
    void linesEndAtCrLfOnly() throws Exception {
        send("Asterisk Call Manager/11.0.0\r\nEvent: Hangup\r\nCause-txt: a\rb\nc\r\n\r\n");

        assertEquals("Asterisk Call Manager/11.0.0", client.readLine());
        assertEquals("Event: Hangup", client.readLine());
        assertEquals("Cause-txt: a\rb\nc", client.readLine());
        assertEquals("", client.readLine());
    }

    @Test
    void decodesUtf8AndLongLinesAcrossReads() throws Exception {
        String name = "CallerIDName: José Ñandú 电话 " + "x".repeat(40_000);
        byte[] bytes = (name + "\r\n").getBytes(StandardCharsets.UTF_8);
        OutputStream out = peer.getOutputStream();
        for (int i = 0; i < bytes.length; i += 7_001) { // split mid-character and mid-line
            out.write(bytes, i, Math.min(7_001, bytes.length - i));
            out.flush();
        }

        assertEquals(name, client.readLine());
    }

    @Test
    void endOfStreamGivesTheUnterminatedRestThenNull() throws Exception {
        send("Event: Newchannel\r\nChannel: SIP/1");
        peer.shutdownOutput();

        assertEquals("Event: Newchannel", client.readLine());
        assertEquals("Channel: SIP/1", client.readLine());
        assertNull(client.readLine());
        assertNull(client.readLine());
    }

    @Test
    void silenceLongerThanTheReadTimeoutFailsTheRead() throws Exception {
        AmiSocket quick = AmiSocket.connect("127.0.0.1", server.getLocalPort(), 2_000, 100);
        try (Socket other = server.accept()) {
            assertThrows(SocketTimeoutException.class, quick::readLine);
        } finally {
            quick.close();
        }
    }

    @Test
    void writesWhatAsteriskJavaSendsWhenFlushed() throws Exception {
        client.write("Action: Ping\r\nActionID: é1\r\n\r\n");
        client.flush();

        InputStream in = peer.getInputStream();
        byte[] expected = "Action: Ping\r\nActionID: é1\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                new String(in.readNBytes(expected.length), StandardCharsets.UTF_8));
    }

    private void send(String text) throws Exception {
        peer.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        peer.getOutputStream().flush();
    }
}
