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

    /**
     * Services over these five, with no agent engine (agent commands answer "No AMI connection"),
     * SIP/{ext} extensions, no queue memberships, no supervisor spying (spyagent and spystop answer
     * "No AMI connection") and no abandoned-call figures and empty live statistics (getlivestats answers empty lines) until the
     * builder is told otherwise.
     */
    public static Builder builder(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock,
                                  Supplier<String> cookies) {
        return new Builder(stores, agents, pbx, clock, cookies);
    }

    /** A builder that starts from these services. */
    public Builder toBuilder() {
        return new Builder(stores, agents, pbx, clock, cookies).engine(engine).extensions(extensions)
                .memberships(memberships).spies(spies).abandons(abandons).stats(stats);
    }

    /** The optional parts by name, so that a new one touches only the callers that use it. */
    public static final class Builder {
        private final Stores stores;
        private final AgentDirectory agents;
        private final PbxGateway pbx;
        private final Clock clock;
        private final Supplier<String> cookies;
        private AgentService engine = AgentService.unavailable();
        private ExtensionDirectory extensions = ExtensionDirectory.template("SIP/{ext}");
        private MembershipSource memberships = agent -> List.of();
        private SpyService spies = SpyService.unavailable();
        private AbandonRates abandons = AbandonRates.NONE;
        private LiveStats stats;

        private Builder(Stores stores, AgentDirectory agents, PbxGateway pbx, Clock clock, Supplier<String> cookies) {
            this.stores = stores;
            this.agents = agents;
            this.pbx = pbx;
            this.clock = clock;
            this.cookies = cookies;
        }

        public Builder engine(AgentService engine) {
            this.engine = engine;
            return this;
        }

        public Builder extensions(ExtensionDirectory extensions) {
            this.extensions = extensions;
            return this;
        }

        public Builder memberships(MembershipSource memberships) {
            this.memberships = memberships;
            return this;
        }

        public Builder spies(SpyService spies) {
            this.spies = spies;
            return this;
        }

        public Builder abandons(AbandonRates abandons) {
            this.abandons = abandons;
            return this;
        }

        public Builder stats(LiveStats stats) {
            this.stats = stats;
            return this;
        }

        public Services build() {
            return new Services(stores, agents, pbx, clock, cookies, engine, extensions, memberships, spies, abandons,
                    stats != null ? stats : new LiveStats(clock, ServiceLevels.DEFAULTS));
        }
    }
}
