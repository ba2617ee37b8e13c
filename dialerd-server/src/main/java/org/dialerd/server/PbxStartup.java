package org.dialerd.server;

import java.nio.file.Path;
import java.util.Deque;
import java.util.Optional;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiMetrics;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.ManagerConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Asterisk: the {@code [asterisk]} section of the configuration file, else the
 * {@code valor_config} rows (asterisk.asthost/astuser/astpass) the Issabel web UI edits, else,
 * as the reference, the first read/write user of {@code /etc/asterisk/manager.conf}.
 * Without a manager user there is no AMI: agent and call requests answer "No AMI connection".
 */
final class PbxStartup {
    private static final Logger log = LoggerFactory.getLogger(PbxStartup.class);

    private PbxStartup() {
    }

    static PbxGateway connect(DialerdConfig config, DaemonSettings settings, Deque<AutoCloseable> resources,
                              AmiMetrics metrics) {
        Optional<AmiSettings> ami = amiSettings(config, settings);
        if (ami.isEmpty()) {
            log.warn("no AMI user configured ([asterisk] section or valor_config asterisk.astuser): "
                    + "running without Asterisk");
            return PbxGateway.disconnected();
        }
        return create(ami.get(), resources, metrics);
    }

    /**
     * The AMI login: the {@code [asterisk]} section, else valor_config, whose asterisk.asthost
     * may carry {@code :port} (the reference's AMI client accepts it). Empty without a user.
     */
    static Optional<AmiSettings> amiSettings(DialerdConfig config, DaemonSettings settings) {
        return amiSettings(config, settings, ManagerConf.DEFAULT_PATH);
    }

    /**
     * As the reference: with no login in valor_config (asthost local, astuser and astpass
     * empty), the first user of {@code managerConf} that may read and write.
     */
    static Optional<AmiSettings> amiSettings(DialerdConfig config, DaemonSettings settings, Path managerConf) {
        if (config.asterisk().isEmpty() && settings.asteriskUser().isEmpty() && settings.asteriskPassword().isEmpty()
                && (settings.asteriskHost().equals("127.0.0.1") || settings.asteriskHost().equals("localhost"))) {
            Optional<ManagerConf.Login> login = ManagerConf.firstLogin(managerConf);
            if (login.isPresent()) {
                log.info("no AMI login in valor_config: using user '{}' of {}", login.get().user(), managerConf);
                settings = settings.withAmiLogin(login.get().user(), login.get().secret());
            }
        }
        if (config.asterisk().isPresent()) {
            DialerdConfig.AsteriskConfig asterisk = config.asterisk().get();
            return Optional.of(AmiSettings.of(asterisk.host(), asterisk.user(), asterisk.secret())
                    .withPort(asterisk.port()));
        }
        if (settings.asteriskUser().isBlank()) {
            return Optional.empty();
        }
        String host = settings.asteriskHost().strip();
        int port = AmiSettings.DEFAULT_PORT;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("valor_config asterisk.asthost = '" + host + "': bad port", e);
            }
            host = host.substring(0, colon);
        }
        try {
            return Optional.of(AmiSettings.of(host, settings.asteriskUser(), settings.asteriskPassword())
                    .withPort(port));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("valor_config asterisk.asthost = '" + settings.asteriskHost() + "': "
                    + e.getMessage(), e);
        }
    }

    /** Not started yet: dialerd starts it once the engine listens, so no Connected is missed. */
    static AmiGateway create(AmiSettings ami, Deque<AutoCloseable> resources, AmiMetrics metrics) {
        AmiGateway gateway = new AmiGateway(ami, metrics);
        resources.push(gateway);
        return gateway;
    }
}
