package org.dialerd.core.dialer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The strategy of each {@link DialMode}, in one immutable map. REFERENCE is the reference's
 * {@link Predictor} unchanged, PROGRESSIVE {@link ProgressiveDialing}, PREDICTIVE
 * {@link AbandonTargetPredictor}. PREVIEW places nothing here: a previewed call is dialled when
 * its agent accepts it, by the preview component, which plugs its own strategy in with
 * {@link #with}.
 */
public final class DialStrategies {
    /** PREVIEW until the preview component replaces it: never dials on its own. */
    static final DialStrategy NO_DIALING = round -> new DialDecision(0, 0, 0, java.util.OptionalDouble.empty(),
            0, 0, List.of("preview: calls are dialled when an agent accepts them"));

    private final Map<DialMode, DialStrategy> byMode;

    private DialStrategies(Map<DialMode, DialStrategy> byMode) {
        this.byMode = byMode;
    }

    public static DialStrategies standard() {
        Map<DialMode, DialStrategy> map = new EnumMap<>(DialMode.class);
        map.put(DialMode.REFERENCE, round -> Predictor.decide(round.snapshot()));
        map.put(DialMode.PROGRESSIVE, ProgressiveDialing::decide);
        map.put(DialMode.PREDICTIVE, AbandonTargetPredictor::decide);
        map.put(DialMode.PREVIEW, NO_DIALING);
        return new DialStrategies(map);
    }

    /** The same strategies with {@code mode} decided by {@code strategy}. */
    public DialStrategies with(DialMode mode, DialStrategy strategy) {
        Map<DialMode, DialStrategy> map = new EnumMap<>(byMode);
        map.put(Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(strategy, "strategy"));
        return new DialStrategies(map);
    }

    public DialStrategy forMode(DialMode mode) {
        return byMode.get(mode);
    }

    /** Decides one round with the strategy of the campaign's mode. */
    public DialDecision decide(DialRound round) {
        return forMode(round.options().mode()).decide(round);
    }
}
