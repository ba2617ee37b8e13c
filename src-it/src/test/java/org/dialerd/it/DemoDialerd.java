package org.dialerd.it;

import java.util.function.Supplier;
import org.dialerd.eccp.client.EccpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One dialerd over the demo data ({@code sql/demo-data.sql}) for a whole test class, registered
 * as {@code @RegisterExtension static final DemoDialerd dialerd = ...}: started before the
 * class's first test, closed after its last (also when the start failed half-way).
 */
public final class DemoDialerd implements BeforeAllCallback, AfterAllCallback {
    private static final String DEMO_DATA = "sql/demo-data.sql";

    private final Supplier<PbxHarness> start;
    private final boolean console;
    private PbxHarness pbx;
    private EccpClient eccp;

    private DemoDialerd(Supplier<PbxHarness> start, boolean console) {
        this.start = start;
        this.console = console;
    }

    /** With its HTTP side (health, metrics, the web API): {@link PbxHarness#startMonitored}. */
    public static DemoDialerd monitored() {
        return new DemoDialerd(() -> PbxHarness.startMonitored(DEMO_DATA), false);
    }

    /** ECCP only, and a client logged in as the agent console ({@link #eccp()}), as the web UI's is. */
    public static DemoDialerd withConsole() {
        return new DemoDialerd(() -> PbxHarness.start(DEMO_DATA), true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pbx = start.get();
        if (console) {
            eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
            eccp.login("agentconsole", "agentconsole");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (eccp != null) {
            eccp.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    public PbxHarness pbx() {
        return pbx;
    }

    /** The agent console's ECCP client ({@link #withConsole()} only). */
    public EccpClient eccp() {
        if (eccp == null) {
            throw new IllegalStateException("no console client: this DemoDialerd was not made withConsole()");
        }
        return eccp;
    }

    /** An edit made as the web UI makes it: plain SQL on the database, nothing told to dialerd. */
    public void sql(String statement) {
        Sql.update(pbx.dataSource(), statement);
    }
}
