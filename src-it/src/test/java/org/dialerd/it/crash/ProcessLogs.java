package org.dialerd.it.crash;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child dialerds of a test: when the test fails their logs are printed (what dialerd said
 * is the first thing to read), and after every test none is left running.
 */
final class ProcessLogs implements AfterEachCallback {
    private final List<DialerdProcess> processes = new ArrayList<>();

    synchronized void add(DialerdProcess process) {
        processes.add(process);
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (DialerdProcess process : processes) {
                System.out.println("==== log of " + process.name() + " ====");
                System.out.println(process.log());
            }
        }
        processes.forEach(DialerdProcess::close);
        processes.clear();
    }
}
