package org.dialerd.eccp.server;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.spy.SpyService;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.stats.AbandonRates;
import org.dialerd.core.stats.LiveStats;
import org.dialerd.core.stats.ServiceLevels;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.Stores;

/**
 * What request handlers may use. Handlers run on worker threads, never on a Netty event
 * loop, so the stores may block.
 *
 * @param agents      the agents the daemon tracks (loaded at start and by refreshagents)
 * @param engine      live agent state and agent commands
 * @param extensions  extension → dial string
 * @param memberships which queues a dynamic agent joins at login
 * @param cookies     source of fresh {@code app_cookie} values (32 lowercase hex digits)
 * @param spies       supervisor listen/whisper/barge sessions
 * @param abandons    the live abandoned-call figures (2-second rule) per campaign
 * @param stats       the live service-level statistics per queue and campaign
 */
public record Services(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock, Supplier<String> cookies,
                       AgentService engine, ExtensionDirectory extensions, MembershipSource memberships,
                       SpyService spies, AbandonRates abandons, LiveStats stats) {
    public Services {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(spies, "spies");
        Objects.requireNonNull(abandons, "abandons");
        Objects.requireNonNull(stats, "stats");
    }

    /** Without live statistics: getlivestats answers empty lines. */
    public Services(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock, Supplier<String> cookies,
                    AgentService engine, ExtensionDirectory extensions, MembershipSource memberships,
                    SpyService spies, AbandonRates abandons) {
        this(stores, agents, pbx, clock, cookies, engine, extensions, memberships, spies, abandons,
                new LiveStats(clock, ServiceLevels.DEFAULTS));
    }

    /** Without supervisor spying (spyagent and spystop answer "No AMI connection") nor abandoned-call figures. */
    public Services(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock, Supplier<String> cookies,
                    AgentService engine, ExtensionDirectory extensions, MembershipSource memberships) {
        this(stores, agents, pbx, clock, cookies, engine, extensions, memberships, SpyService.unavailable(),
                AbandonRates.NONE);
    }

    /** Services without an agent engine (no Asterisk): agent commands answer "No AMI connection". */
    public Services(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock, Supplier<String> cookies) {
        this(stores, agents, pbx, clock, cookies, AgentService.unavailable(), ExtensionDirectory.template("SIP/{ext}"),
                agent -> List.of());
    }
}
