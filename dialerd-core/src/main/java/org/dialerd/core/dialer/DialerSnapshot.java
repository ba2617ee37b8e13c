package org.dialerd.core.dialer;

import java.util.List;
import java.util.Objects;
import org.dialerd.core.settings.DaemonSettings;

/**
 * Everything the {@link Predictor} looks at for one campaign at one instant. Immutable, so a
 * decision can be logged with its inputs and replayed offline.
 *
 * @param members            the campaign queue's members
 * @param waitingInQueue     answered campaign calls waiting in the queue for an agent
 * @param pendingOriginates  calls originated and not yet answered or failed
 * @param scheduledCalls     calls scheduled for an agent that are about to take one
 * @param channelsInUse      the campaign's calls holding a channel: originating, queued or talking
 * @param maxChannels        {@code campaign.max_canales}, 0 = no limit
 * @param talkStats          promedio, desviacion, num_completadas
 * @param meanAnswerSeconds  mean seconds from originate to answer (dialer.tiempo_contestar
 *                           until measured)
 * @param recentPlaced       calls originated in the last 30 minutes whose outcome is known
 * @param recentAnswered     of those, the ones answered
 */
public record DialerSnapshot(List<QueueMember> members, int waitingInQueue, int pendingOriginates,
                             int scheduledCalls, int channelsInUse, long maxChannels, RunningStats talkStats,
                             double meanAnswerSeconds, int recentPlaced, int recentAnswered,
                             DaemonSettings settings) {
    public DialerSnapshot {
        members = List.copyOf(members);
        Objects.requireNonNull(talkStats, "talkStats");
        Objects.requireNonNull(settings, "settings");
        requireNotNegative("waitingInQueue", waitingInQueue);
        requireNotNegative("pendingOriginates", pendingOriginates);
        requireNotNegative("scheduledCalls", scheduledCalls);
        requireNotNegative("channelsInUse", channelsInUse);
        requireNotNegative("maxChannels", maxChannels);
        requireNotNegative("meanAnswerSeconds", meanAnswerSeconds);
        requireNotNegative("recentPlaced", recentPlaced);
        requireNotNegative("recentAnswered", recentAnswered);
        if (recentAnswered > recentPlaced) {
            throw new IllegalArgumentException(
                    "recentAnswered " + recentAnswered + " exceeds recentPlaced " + recentPlaced);
        }
    }

    private static void requireNotNegative(String name, double value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
