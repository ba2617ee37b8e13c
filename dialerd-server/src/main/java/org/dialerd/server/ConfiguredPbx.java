package org.dialerd.server;

import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import org.dialerd.ami.AmiMetrics;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.server.config.DialerdConfig;

/**
 * The PBX side of {@code --config} (the demo's is {@link DemoPbx}): the configured Asterisk
 * (AMI), the agents' extensions and queue memberships (FreePBX or Issabel), and the dialer
 * following the reference's entretiempo.
 */
final class ConfiguredPbx {
    private ConfiguredPbx() {
    }

    static Dialerd.PbxSide start(DialerdConfig config, DatabaseStartup.Opened database, DaemonSettings settings,
                                 Deque<AutoCloseable> resources, AmiMetrics metrics) {
        FreepbxStartup.Agents agents = FreepbxStartup.open(config, database, resources);
        return new Dialerd.PbxSide(PbxStartup.connect(config, settings, resources, metrics), agents.extensions(),
                agentSettings(config.agents().staticMemberInterface(), config.ami().resyncInterval()),
                agents.membershipFromAstdb(),
                Optional.of(DialerSettings.followingEntretiempo(config.dialTemplate(), Identifiers.uniqueIdPrefix())));
    }

    static AgentEngineSettings agentSettings(String staticMemberInterface, Duration resyncInterval) {
        AgentEngineSettings d = AgentEngineSettings.DEFAULTS;
        return new AgentEngineSettings(staticMemberInterface, d.staticStateInterface(), d.loginTimeout(),
                d.actionTimeout(), resyncInterval);
    }
}
