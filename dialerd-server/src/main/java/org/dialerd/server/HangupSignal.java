package org.dialerd.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dialerd.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP → reload. Uses {@code sun.misc.Signal} (module jdk.unsupported), looked up
 * reflectively so that dialerd still starts on a JVM without it or where the signal is
 * taken ({@code -Xrs}): it then only logs that SIGHUP does nothing. The reload runs on its own
 * thread, so the JVM's signal thread returns at once and two signals never reload at once.
 */
final class HangupSignal {
    private static final Logger log = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /** True when SIGHUP now runs {@code onHangup}. */
    static boolean install(Runnable onHangup) {
        ExecutorService reloads = Executors.newSingleThreadExecutor(DaemonThreads.named("dialerd-reload"));
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object hup = signalClass.getConstructor(String.class).newInstance("HUP");
            InvocationHandler calls = (proxy, method, args) -> onCall(method, proxy, args, reloads, onHangup);
            Object handler = Proxy.newProxyInstance(HangupSignal.class.getClassLoader(), new Class<?>[] {handlerClass},
                    calls);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, hup, handler);
            log.info("SIGHUP reloads valor_config");
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            reloads.shutdown();
            log.warn("SIGHUP cannot be handled on this JVM ({}); reload by restarting", e.toString());
            return false;
        }
    }

    private static Object onCall(Method method, Object proxy, Object[] args, ExecutorService reloads,
                                 Runnable onHangup) {
        return switch (method.getName()) {
            case "handle" -> {
                reloads.execute(() -> {
                    try {
                        onHangup.run();
                    } catch (RuntimeException e) {
                        log.warn("reload on SIGHUP failed", e);
                    }
                });
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "SIGHUP handler";
        };
    }
}
