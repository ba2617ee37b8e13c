package org.dialerd.eccp.handler.campaign;

import org.dialerd.core.store.CampaignStore.QueueWait;
import org.dialerd.core.store.CampaignStore.WaitCount;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;

/**
 * getcampaignqueuewait's answer: answered calls by queue wait in 5-second intervals
 * 0-4 … 25-29 and an open one from 30 (no {@code upper}), then the abandoned count.
 * <pre>{@code
 * <getcampaignqueuewait_response><histogram><interval><lower>0</lower><upper>4</upper><count>1</count></interval>
 *   …<interval><lower>30</lower><count>1</count></interval></histogram><abandoned>1</abandoned>
 * </getcampaignqueuewait_response>
 * }</pre>
 * A NULL wait counts in the first interval, as PHP's {@code (int)(null / 5)} does. The
 * reference would add a bogus interval for waits of -5 s or less; they count in the first one.
 */
public final class QueueWaitHistogram {
    static final int WIDTH = 5;
    static final int OPEN_FROM = 30;
    static final int INTERVALS = OPEN_FROM / WIDTH + 1;

    private QueueWaitHistogram() {
    }

    public static XmlElement toXml(QueueWait wait) {
        long[] counts = counts(wait);
        XmlElement.Builder histogram = XmlElement.builder("histogram");
        for (int i = 0; i < INTERVALS; i++) {
            XmlElement.Builder interval = XmlElement.builder("interval").add("lower", i * WIDTH);
            if (i < INTERVALS - 1) {
                interval.add("upper", i * WIDTH + WIDTH - 1);
            }
            histogram.add(interval.add("count", counts[i]).build());
        }
        return XmlElement.of(RequestName.GETCAMPAIGNQUEUEWAIT.responseName(),
                histogram.build(), XmlElement.text("abandoned", wait.abandoned()));
    }

    static long[] counts(QueueWait wait) {
        long[] counts = new long[INTERVALS];
        for (WaitCount answered : wait.answered()) {
            counts[interval(answered.waitSeconds().orElse(0))] += answered.calls();
        }
        return counts;
    }

    static int interval(long waitSeconds) {
        if (waitSeconds >= OPEN_FROM) {
            return INTERVALS - 1;
        }
        return (int) Math.max(0, waitSeconds / WIDTH);
    }
}
