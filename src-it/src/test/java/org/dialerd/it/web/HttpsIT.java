package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.dialerd.http.HttpServer;
import org.dialerd.http.HttpSettings;
import org.dialerd.http.Request;
import org.dialerd.http.Response;
import org.dialerd.http.Router;
import org.dialerd.http.SocketEndpoint;
import org.junit.jupiter.api.Test;

/** With http.tls_certificate and http.tls_key the listener speaks HTTPS only, and its WebSockets wss://. */
class HttpsIT {
    @Test
    void aListenerWithACertificateAnswersOverHttpsAndRefusesPlainHttp() throws Exception {
        HttpSettings settings = HttpSettings.on(0).withTls(new HttpSettings.Tls(file("server.crt"), file("server.key")));
        Router router = Router.builder().get("/health", request -> Response.text(200, "text/plain", "ok")).build();
        try (HttpServer server = new HttpServer(settings, router, java.util.List.of()).start()) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(file("server.crt")))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + server.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("ok", answer.body());

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + server.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    /** A socket endpoint that says hello once open and echoes what it receives, upper-cased. */
    private static final class Echo implements SocketEndpoint {
        @Override
        public String path() {
            return "/echo";
        }

        @Override
        public Admission admit(Request request) {
            return new Admission.Accept(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                    if (event == SocketEndpoint.OPENED) {
                        ctx.writeAndFlush(new TextWebSocketFrame("hello"));
                    }
                }

                @Override
                protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                    ctx.writeAndFlush(new TextWebSocketFrame(frame.text().toUpperCase(java.util.Locale.ROOT)));
                }
            });
        }
    }

    @Test
    void aWebSocketOnATlsListenerIsWssAndItsFramesTravelEncrypted() throws Exception {
        HttpSettings settings = HttpSettings.on(0).withTls(new HttpSettings.Tls(file("server.crt"), file("server.key")));
        try (HttpServer server = new HttpServer(settings, Router.builder().build(), List.of(new Echo())).start()) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(file("server.crt")))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = trusting.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("wss://localhost:" + server.port() + "/echo"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertEquals("hello", received.poll(10, TimeUnit.SECONDS));
            socket.sendText("over tls", true).get(10, TimeUnit.SECONDS);
            assertEquals("OVER TLS", received.poll(10, TimeUnit.SECONDS));
            socket.abort();

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutionException refused = assertThrows(ExecutionException.class, () -> plain.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + server.port() + "/echo"), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof IOException, "no plain ws:// " + refused.getCause());
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path file(String name) throws URISyntaxException {
        var url = HttpsIT.class.getResource("/tls/" + name);
        if (url == null) {
            throw new AssertionError("test resource tls/" + name + " is missing");
        }
        return Path.of(url.toURI());
    }
}
