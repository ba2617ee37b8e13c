package org.dialerd.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection, one request at a time (the reference's request/response measure), for the
 * database-backed requests: logs in, sends the named request for a warm-up period, then for the
 * measured period, and prints requests per second with p50/p99/max latency of the measured part.
 * Each answer is checked to carry no {@code <failure>}, so a run that measured errors says so.
 * Bounded in time; loopback only.
 *
 * <pre>
 * java -cp dialerd-bench/target/dialerd-bench-0.1.0-SNAPSHOT.jar org.dialerd.bench.RequestResponseLoad \
 *      [port 20005] [request getcampaigninfo|all] [warm-up seconds 5] [seconds 10]
 * </pre>
 */
public final class RequestResponseLoad {
    private static final String HOST = "127.0.0.1";
    private static final int MAX_SAMPLES = 5_000_000;

    /** The request bodies measured, on the demo data ({@code --demo}). */
    static final Map<String, String> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("getcampaignlist", "<getcampaignlist/>");
        REQUESTS.put("getcampaigninfo", "<getcampaigninfo><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id></getcampaigninfo>");
        REQUESTS.put("getcampaigninfo-incoming", "<getcampaigninfo><campaign_type>incoming</campaign_type>"
                + "<campaign_id>1</campaign_id></getcampaigninfo>");
        REQUESTS.put("getpauses", "<getpauses/>");
        REQUESTS.put("getqueuescript", "<getqueuescript><queue>8001</queue></getqueuescript>");
        REQUESTS.put("getincomingqueuelist", "<getincomingqueuelist/>");
        REQUESTS.put("getcallinfo", "<getcallinfo><campaign_type>outgoing</campaign_type><campaign_id>1"
                + "</campaign_id><call_id>101</call_id></getcallinfo>");
        REQUESTS.put("getcampaignstatus", "<getcampaignstatus><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id></getcampaignstatus>");
        REQUESTS.put("getincomingqueuestatus", "<getincomingqueuestatus><queue>8001</queue>"
                + "</getincomingqueuestatus>");
        REQUESTS.put("getagentqueues", "<getagentqueues><agent_number>SIP/1001</agent_number></getagentqueues>");
        REQUESTS.put("getagentactivitysummary", "<getagentactivitysummary/>");
        REQUESTS.put("getcampaignqueuewait", "<getcampaignqueuewait><campaign_type>outgoing</campaign_type>"
                + "<campaign_id>1</campaign_id></getcampaignqueuewait>");
    }

    private RequestResponseLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 20005;
        String name = args.length > 1 ? args[1] : "getcampaigninfo";
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (name.equals("all")) {
            for (String each : REQUESTS.keySet()) {
                measure(port, each, warmUp, seconds);
            }
        } else {
            measure(port, name, warmUp, seconds);
        }
    }

    private static void measure(int port, String name, int warmUp, int seconds) throws IOException {
        String body = REQUESTS.get(name);
        if (body == null) {
            throw new IllegalArgumentException("unknown request " + name + "; known: " + REQUESTS.keySet());
        }
        try (Socket socket = new Socket(HOST, port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            AnswerReader reader = new AnswerReader(socket.getInputStream(), true);
            out.write(("<request id=\"0\"><login><username>agentconsole</username><password>agentconsole"
                    + "</password></login></request>").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            reader.next();
            byte[] request = ("<request id=\"1\">" + body + "</request>").getBytes(StandardCharsets.UTF_8);
            run(out, reader, request, warmUp, new long[0]);
            long[] samples = new long[MAX_SAMPLES];
            long start = System.nanoTime();
            int n = run(out, reader, request, seconds, samples);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Arrays.sort(samples, 0, n);
            System.out.printf("%-26s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  max %.3f ms  (%d in %.1f s)%s%n", name,
                    n / elapsed, percentile(samples, n, 0.50), percentile(samples, n, 0.99),
                    n == 0 ? 0 : samples[n - 1] / 1e6, n, elapsed, reader.failures() > 0
                            ? "  FAILURES: " + reader.failures() + ", last: " + reader.lastFailure() : "");
        }
    }

    private static int run(OutputStream out, AnswerReader reader, byte[] request, int seconds, long[] samples)
            throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            out.write(request);
            out.flush();
            reader.next();
            if (n < samples.length) {
                samples[n++] = System.nanoTime() - sent;
            }
        }
        return n;
    }

    private static double percentile(long[] sorted, int n, double p) {
        return n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
    }
}
