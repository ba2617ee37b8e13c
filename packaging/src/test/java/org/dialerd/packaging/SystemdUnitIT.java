package org.dialerd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged dialerd.service: its settings, and systemd's own verdict on it. */
class SystemdUnitIT {
    private static final String UNIT = "lib/systemd/system/dialerd.service";
    /** Dialerd.WRITE_DRAIN_TIMEOUT: the longest step of dialerd's shutdown. */
    private static final int SHUTDOWN_DRAIN_SECONDS = 10;

    private static Path tree;
    private static String unitText;
    private static Map<String, String> service;

    @BeforeAll
    static void readUnit() throws Exception {
        tree = BuiltPackages.debTree();
        unitText = Files.readString(tree.resolve(UNIT));
        service = section(unitText, "Service");
    }

    @Test
    void runsTheLauncherWithTheEtcConfigurationAsTheDialerdUser() {
        assertEquals("/opt/dialerd/bin/dialerd --config /etc/dialerd/dialerd.conf", service.get("ExecStart"));
        assertEquals("dialerd", service.get("User"));
        assertEquals("dialerd", service.get("Group"));
        assertEquals("multi-user.target", section(unitText, "Install").get("WantedBy"));
    }

    @Test
    void countsTheServiceStartedOnlyWhenTheEccpPortAnswers() {
        assertEquals("exec", service.get("Type"));
        assertEquals("/opt/dialerd/bin/dialerd-ready --timeout 60 --config /etc/dialerd/dialerd.conf",
                service.get("ExecStartPost"));
        assertTrue(Integer.parseInt(service.get("TimeoutStartSec")) > 60, "the probe gives up before systemd does");
    }

    @Test
    void restartsOnFailureButNotOnAConfigurationError() {
        assertEquals("on-failure", service.get("Restart"));
        assertTrue(service.containsKey("RestartSec"));
        assertEquals("2", service.get("RestartPreventExitStatus"));
    }

    @Test
    void waitsLongerThanTheShutdownDrainAndCountsSigtermAsSuccess() {
        assertTrue(Integer.parseInt(service.get("TimeoutStopSec")) > SHUTDOWN_DRAIN_SECONDS,
                service.get("TimeoutStopSec"));
        assertEquals("143", service.get("SuccessExitStatus"));
    }

    @Test
    void isHardened() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("NoNewPrivileges", "yes");
        expected.put("ProtectSystem", "strict");
        expected.put("ProtectHome", "yes");
        expected.put("PrivateTmp", "yes");
        expected.put("PrivateDevices", "yes");
        expected.put("ProtectKernelTunables", "yes");
        expected.put("ProtectKernelModules", "yes");
        expected.put("ProtectKernelLogs", "yes");
        expected.put("ProtectControlGroups", "yes");
        expected.put("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX");
        expected.put("CapabilityBoundingSet", "");
        expected.put("StateDirectory", "dialerd");
        expected.put("LogsDirectory", "dialerd");
        expected.forEach((key, value) -> assertEquals(value, service.get(key), key));
    }

    /**
     * systemd-analyze verify checks that the commands exist, so the unit is staged with
     * /opt/dialerd pointing at the unpacked package. It exits 0 even for unknown keys or bad
     * values (it only warns), so any output at all fails the test.
     */
    @Test
    void passesSystemdAnalyzeVerify() throws Exception {
        assumeTrue(Commands.available("systemd-analyze"),
                "systemd-analyze is not installed (apt-get install systemd): dialerd.service NOT verified");
        Path staged = stagedUnit();
        Commands.Result verify = Commands.run(Duration.ofSeconds(60), Map.of(), staged.getParent(),
                "systemd-analyze", "verify", staged.toString());
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("", verify.output().strip());
    }

    /** systemd's exposure score (0 safest, 10 unprotected) stays at "OK" or better. */
    @Test
    void keepsSystemdsSecurityExposureLow() throws Exception {
        assumeTrue(Commands.available("systemd-analyze"),
                "systemd-analyze is not installed (apt-get install systemd): dialerd.service exposure NOT checked");
        Path staged = stagedUnit();
        // --threshold takes the score times ten; 4.0 leaves room for systemd versions that weigh differently.
        Commands.Result security = Commands.run(Duration.ofSeconds(60), Map.of(), staged.getParent(),
                "systemd-analyze", "security", "--offline=true", "--threshold=40", "--no-pager", staged.toString());
        assertEquals(0, security.exitCode(), security.output());
        assertTrue(security.stdout().contains("Overall exposure level for dialerd.service"), security.output());
    }

    private static Path stagedUnit() throws Exception {
        Path dir = BuiltPackages.scratch("systemd-verify");
        Path staged = dir.resolve("dialerd.service");
        Files.writeString(staged, unitText.replace("/opt/dialerd/", tree.resolve("opt/dialerd") + "/"));
        return staged;
    }

    /** The {@code key=value} lines of one section (no key repeats in this unit). */
    private static Map<String, String> section(String unit, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        String current = "";
        for (String line : unit.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("[")) {
                current = stripped.substring(1, stripped.length() - 1);
            } else if (current.equals(name) && !stripped.startsWith("#") && stripped.contains("=")) {
                String key = stripped.substring(0, stripped.indexOf('='));
                if (values.put(key, stripped.substring(stripped.indexOf('=') + 1)) != null) {
                    throw new AssertionError(key + " appears twice in [" + name + "]");
                }
            }
        }
        return values;
    }
}
