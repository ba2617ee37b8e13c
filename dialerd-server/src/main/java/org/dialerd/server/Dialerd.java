package org.dialerd.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpServer;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.Services;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dialerd: database, agent directory, ECCP listener. Started in dependency order,
 * closed in reverse order, each step bounded by its own timeout.
 */
public final class Dialerd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dialerd.class);

    private final EccpServer eccp;
    private final Services services;
    private final Deque<AutoCloseable> resources;
    private final DaemonSettings settings;

    private Dialerd(EccpServer eccp, Services services, DaemonSettings settings, Deque<AutoCloseable> resources) {
        this.eccp = eccp;
        this.settings = settings;
        this.services = services;
        this.resources = resources;
    }

    /** Starts everything the configuration describes. */
    public static Dialerd start(DialerdConfig config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Stores stores = DatabaseStartup.open(config, resources);
            Dialerd dialerd = over(stores, config.eccp(), Clock.systemDefaultZone(), PbxGateway.disconnected(),
                    resources);
            log.info("dialerd started ({}), ECCP on {}:{}", config.demo() ? "demo" : "configured",
                    config.eccp().bindAddress(), dialerd.eccpPort());
            return dialerd;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Starts the engine and the ECCP listener over stores someone else opened (tests use this
     * with a fixed clock). Resources are closed, last first, when dialerd closes.
     */
    public static Dialerd over(Stores stores, EccpServerSettings eccpSettings, Clock clock, PbxGateway pbx,
                               Deque<AutoCloseable> resources) {
        DaemonSettings settings = readSettings(stores);
        AgentDirectory agents = new AgentDirectory();
        agents.replaceAll(stores.agents().findAll());
        log.info("{} agents loaded", agents.size());
        Services services = new Services(stores, agents, pbx, clock, cookieSource());
        EccpServer server = new EccpServer(eccpSettings, new Dispatcher(Handlers.all(), services)).start();
        resources.push(server);
        return new Dialerd(server, services, settings, resources);
    }

    /** valor_config, validated: a bad row stops the start with its key and value. */
    private static DaemonSettings readSettings(Stores stores) {
        try {
            DaemonSettings settings = DaemonSettings.fromValorConfig(stores.settings().valorConfig());
            log.info("{}", settings);
            return settings;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static Supplier<String> cookieSource() {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return hex.formatHex(bytes);
        };
    }

    public int eccpPort() {
        return eccp.port();
    }

    /** The valor_config settings read at start. */
    public DaemonSettings settings() {
        return settings;
    }

    public Services services() {
        return services;
    }

    @Override
    public void close() {
        log.info("dialerd stopping");
        closeAll(resources);
        log.info("dialerd stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed", resource, e);
            }
        }
    }
}
