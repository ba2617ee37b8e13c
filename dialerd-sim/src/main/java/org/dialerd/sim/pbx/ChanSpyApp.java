package org.dialerd.sim.pbx;

import java.util.Locale;
import java.util.Optional;
import org.dialerd.sim.ami.AmiMessage;

/**
 * {@code ChanSpy(chanprefix,options)} as far as its AMI events go: it picks the first live
 * channel whose name starts with the prefix (case-insensitive, never the spy itself), publishes
 * ChanSpyStart, and ChanSpyStop when spying ends: the spy channel hangs up, or the spied-on
 * channel goes (then, with {@code E}, the application ends and an Originate's channel hangs up;
 * without it, it looks for another channel). With no channel to spy on, {@code S} ends at once;
 * otherwise it looks again every second, as app_chanspy does. No audio is simulated, so the
 * modes ({@code w}, {@code B}) and {@code q} change nothing here; the application data shows them
 * and {@link Channel#spyMode()} tells the mode, which, with {@code d}, DTMF 4, 5 and 6 received
 * on the spy channel switch ({@link #dtmfReceived}).
 */
public final class ChanSpyApp {
    static final long SCAN_INTERVAL_MS = 1000;
    /** The spy notices the spied-on channel is gone at its next frame. */
    static final long NOTICE_MS = 20;

    private final Pbx pbx;

    ChanSpyApp(Pbx pbx) { // registered by AppRegistry
        this.pbx = pbx;
    }

    void exec(AppRun run) {
        Channel spyer = run.channel();
        if (spyer.state != ChannelState.UP) {
            pbx.locals().answer(spyer);
        }
        scan(run);
    }

    private void scan(AppRun run) {
        if (!run.current()) {
            return;
        }
        String prefix = run.arg(0).toLowerCase(Locale.ROOT);
        String options = run.arg(1);
        Channel spyer = run.channel();
        Optional<Channel> spyee = pbx.channels().all().stream()
                .filter(c -> c != spyer && !c.hungUp && c.name.toLowerCase(Locale.ROOT).startsWith(prefix))
                .findFirst();
        if (spyee.isEmpty()) {
            if (options.contains("S")) {
                run.next();
            } else {
                run.after(SCAN_INTERVAL_MS, () -> scan(run));
            }
            return;
        }
        spy(run, spyee.get(), options);
    }

    private void spy(AppRun run, Channel spyee, String options) {
        Channel spyer = run.channel();
        boolean[] stopped = {false};
        Runnable stop = () -> {
            if (!stopped[0]) {
                stopped[0] = true;
                spyer.spyMode = "";
                publish("ChanSpyStop", spyer, spyee);
            }
        };
        spyer.spyMode = options.contains("B") ? "barge" : options.contains("w") ? "whisper" : "listen";
        publish("ChanSpyStart", spyer, spyee);
        run.onInterrupt(stop);
        pbx.ops().onHangup(spyee, () -> run.after(NOTICE_MS, () -> {
            stop.run();
            if (options.contains("E")) {
                run.next();
            } else {
                run.onInterrupt(null);
                scan(run);
            }
        }));
    }

    /**
     * A digit the spy channel received (its phone, or AMI PlayDTMF with Receive): with ChanSpy's
     * {@code d}, 4 listens, 5 whispers, 6 barges. app_chanspy publishes nothing for the switch.
     */
    public static void dtmfReceived(Channel spyer, String digit) {
        String options = spyer.applicationData.contains(",")
                ? spyer.applicationData.substring(spyer.applicationData.indexOf(',') + 1) : "";
        if (spyer.spyMode.isEmpty() || !"ChanSpy".equalsIgnoreCase(spyer.application) || !options.contains("d")) {
            return;
        }
        switch (digit) {
            case "4" -> spyer.spyMode = "listen";
            case "5" -> spyer.spyMode = "whisper";
            case "6" -> spyer.spyMode = "barge";
            default -> { }
        }
    }

    private void publish(String name, Channel spyer, Channel spyee) {
        AmiMessage.Builder event = pbx.events().call(name).addAll(spyer.snapshot().fields("Spyer"));
        if (!spyee.hungUp) {
            event.addAll(spyee.snapshot().fields("Spyee"));
        }
        pbx.events().publish(event.build());
    }
}
