package org.dialerd.server;

import java.util.Deque;
import org.dialerd.ami.AmiGateway;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.server.config.DialerdConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to Asterisk: the {@code [asterisk]} section of the configuration file, else the
 * {@code valor_config} rows (asterisk.asthost/astuser/astpass) the Issabel web UI edits.
 * Without a manager user there is no AMI: agent and call requests answer "No AMI connection".
 */
final class PbxStartup {
    private static final Logger log = LoggerFactory.getLogger(PbxStartup.class);

    private PbxStartup() {
    }

    static PbxGateway connect(DialerdConfig config, DaemonSettings settings, Deque<AutoCloseable> resources) {
        AmiSettings ami;
        if (config.asterisk().isPresent()) {
            DialerdConfig.AsteriskConfig asterisk = config.asterisk().get();
            ami = AmiSettings.of(asterisk.host(), asterisk.user(), asterisk.secret()).withPort(asterisk.port());
        } else if (!settings.asteriskUser().isBlank()) {
            ami = AmiSettings.of(settings.asteriskHost(), settings.asteriskUser(), settings.asteriskPassword());
        } else {
            log.warn("no AMI user configured ([asterisk] section or valor_config asterisk.astuser): "
                    + "running without Asterisk");
            return PbxGateway.disconnected();
        }
        return create(ami, resources);
    }

    /** Not started yet: dialerd starts it once the engine listens, so no Connected is missed. */
    static AmiGateway create(AmiSettings ami, Deque<AutoCloseable> resources) {
        AmiGateway gateway = new AmiGateway(ami);
        resources.push(gateway);
        return gateway;
    }
}
