package org.dialerd.http.webhook;

import java.util.function.IntSupplier;

/** What webhook delivery reports ({@code dialerd_webhook_*} in /metrics); {@link #NONE} counts nothing. */
public interface WebhookMetrics {
    WebhookMetrics NONE = new WebhookMetrics() {
        @Override
        public void endpoint(String endpoint, IntSupplier queued, java.util.function.BooleanSupplier up) {
        }

        @Override
        public void attempt(String endpoint, String result) {
        }

        @Override
        public void dropped(String endpoint) {
        }
    };

    /** Registers an endpoint's gauges: events queued, and whether its last attempt succeeded. */
    void endpoint(String endpoint, IntSupplier queued, java.util.function.BooleanSupplier up);

    /** {@code result}: {@code delivered}, {@code retried} (an attempt failed, another follows) or {@code gave_up}. */
    void attempt(String endpoint, String result);

    /** An event dropped because the endpoint's queue was full. */
    void dropped(String endpoint);
}
