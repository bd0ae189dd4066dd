// Load driver for bench/stats.sh: times GET requests against a running Pantau, one endpoint after
// the other. Java 21+ runs it as a single-file source:
//
//   java bench/stats/StatsLoad.java BASE_URL TOKEN ENDPOINTS_FILE RUNS_CSV [WARMUP] [RUNS] [BUDGET_S] [CONCURRENCY...]
//
// ENDPOINTS_FILE: one "label<TAB>path?query" a line (# comments). For each endpoint and each
// concurrency: WARMUP requests (not recorded; fewer, at least 2, once WARMUP_BUDGET_S=5 seconds
// have passed), then RUNS requests, fewer when BUDGET_S seconds are used up (at least MIN_RUNS=20;
// both from the environment); with concurrency c, c threads each send their share back to back.
// TOKEN "-" reads the bearer token from STATS_TOKEN.
// A request's time is from sending it to having read the whole body (HTTP/1.1 keep-alive, no
// compression asked for). Every request is a row of RUNS_CSV: label,concurrency,seq,status,ms,bytes.
// A status other than 200 is recorded and counted as an error. Prints one summary line per
// endpoint and concurrency to stdout: label c n errors p50 p95 max (ms).

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class StatsLoad {

    /** Never fewer recorded requests than this, whatever the budget (env MIN_RUNS). */
    static final int MIN_RUNS = Integer.parseInt(System.getenv().getOrDefault("MIN_RUNS", "20"));
    /** The warm-up stops after this many seconds once 2 requests are done (env WARMUP_BUDGET_S). */
    static final double WARMUP_BUDGET_S = Double.parseDouble(System.getenv().getOrDefault("WARMUP_BUDGET_S", "5"));

    record Sample(int status, double ms, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: StatsLoad BASE_URL TOKEN ENDPOINTS_FILE RUNS_CSV [WARMUP] [RUNS] [BUDGET_S] [CONCURRENCY...]");
            System.exit(2);
        }
        String base = args[0];
        // "-": the token is in the environment (STATS_TOKEN), not on the command line
        String token = args[1].equals("-") ? System.getenv("STATS_TOKEN") : args[1];
        List<String[]> endpoints = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            endpoints.add(new String[] {parts[0].strip(), parts[1].strip()});
        }
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        double budgetS = args.length > 6 ? Double.parseDouble(args[6]) : 20;
        List<Integer> concurrencies = new ArrayList<>();
        for (int i = 7; i < args.length; i++) {
            concurrencies.add(Integer.parseInt(args[i]));
        }
        if (concurrencies.isEmpty()) {
            concurrencies.add(1);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        boolean header = !Files.exists(Path.of(args[3])) || Files.size(Path.of(args[3])) == 0;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            if (header) {
                csv.println("label,concurrency,seq,status,ms,bytes");
            }
            for (String[] endpoint : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + endpoint[1]))
                        .timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET().build();
                for (int c : concurrencies) {
                    long warmupEnd = System.nanoTime() + (long) (WARMUP_BUDGET_S * 1e9);
                    for (int i = 0; i < warmup && (i < 2 || System.nanoTime() < warmupEnd); i++) {
                        send(client, request);
                    }
                    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
                    long deadline = System.nanoTime() + (long) (budgetS * 1e9);
                    AtomicInteger issued = new AtomicInteger();
                    try (ExecutorService pool = Executors.newFixedThreadPool(c)) {
                        List<Future<?>> workers = new ArrayList<>();
                        for (int t = 0; t < c; t++) {
                            workers.add(pool.submit(() -> {
                                while (true) {
                                    int n = issued.getAndIncrement();
                                    if (n >= runs || (n >= MIN_RUNS && System.nanoTime() > deadline)) {
                                        return null;
                                    }
                                    samples.add(send(client, request));
                                }
                            }));
                        }
                        for (Future<?> w : workers) {
                            w.get();
                        }
                    }
                    int seq = 0;
                    for (Sample s : samples) {
                        csv.printf(Locale.ROOT, "%s,%d,%d,%d,%.3f,%d%n", endpoint[0], c, ++seq, s.status(), s.ms(), s.bytes());
                    }
                    csv.flush();
                    List<Double> ms = samples.stream().map(Sample::ms).sorted().toList();
                    long errors = samples.stream().filter(s -> s.status() != 200).count();
                    int lastStatus = samples.isEmpty() ? 0 : samples.getLast().status();
                    System.out.printf(Locale.ROOT, "%s c=%d n=%d errors=%d p50=%.1f p95=%.1f max=%.1f bytes=%d status=%d%n",
                            endpoint[0], c, ms.size(), errors, pct(ms, 50), pct(ms, 95), ms.getLast(),
                            samples.getLast().bytes(), lastStatus);
                }
            }
        }
    }

    static Sample send(HttpClient client, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            return new Sample(response.statusCode(), ms, response.body().length);
        } catch (IOException e) {
            return new Sample(-1, (System.nanoTime() - t0) / 1e6, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
