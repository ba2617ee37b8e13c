package org.dialerd.eccp.protocol;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a request handler (on a worker thread) waits for the engine or Asterisk: never longer
 * than a bound, and any failure or silence becomes one wrapped 500 with the request's message.
 */
public final class Waits {
    /** Longer than an AMI action's own timeout, so the action's error normally arrives first. */
    public static final Duration ENGINE = Duration.ofSeconds(15);

    private Waits() {
    }

    public static <T> T await(CompletableFuture<T> future, String failureMessage) {
        try {
            return future.get(ENGINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EccpFailure.wrapped(500, failureMessage);
        } catch (ExecutionException | TimeoutException e) {
            throw EccpFailure.wrapped(500, failureMessage);
        }
    }
}
