package org.dialerd.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The reason a failing endpoint's log line gives is the failure, not the future that carried it. */
class WebhookReasonTest {
    @Test
    void aFailureCarriedByTheFutureIsNamedByItself() {
        assertEquals("java.net.ConnectException",
                WebhookEndpoint.reason(new CompletionException(new ConnectException())));
        assertEquals("java.net.http.HttpConnectTimeoutException: HTTP connect timed out", WebhookEndpoint.reason(
                new CompletionException(new CompletionException(new HttpConnectTimeoutException("HTTP connect timed out")))));
        assertEquals("java.net.ConnectException: refused", WebhookEndpoint.reason(new ConnectException("refused")));
    }
}
