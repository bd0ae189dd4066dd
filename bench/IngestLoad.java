import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for POST /api/v1/reports (bench/ingest.sh, bench/ingest-crash.sh). Java 21+
 * single-file program: {@code java bench/IngestLoad.java MODE key=value...}. A minimal HTTP/1.1
 * client on keep-alive sockets ({@link Connection}), virtual threads: the generator shares the
 * CPUs with the application, and the JDK HttpClient took a third of them at 1,000 requests/s.
 *
 * <pre>
 * closed  url= regions= concurrency= warmup=S duration=S [keys=true]
 *         N workers, each sends its next report as soon as the previous answer came: the
 *         measured window starts after the warm-up; throughput counts 201s completed inside it,
 *         latencies are those of the requests sent inside it.
 * open    url= regions= rate=/s warmup=S duration=S [connections=256] [keys=true]
 *         a fixed arrival rate; latency is measured from each request's intended send time (no
 *         coordinated omission): a request that waits for a free connection is late.
 * crash   url= regions= concurrency= duration=S log=FILE
 *         like closed, every request with a unique Idempotency-Key; before sending, a SENT line
 *         (key, body) and after the answer a DONE line (key, status, id, tracking code) go to
 *         log. A worker stops at its first I/O error (the application was killed).
 * replay  url= log=FILE out=FILE [sample=N]
 *         re-sends, with the same key and body, every request of log that got no answer and
 *         about sample=N of those that got a 201 (sample=0: none); writes one line per request
 *         to out: key, first status, first id, new status, new id, Idempotent-Replayed header.
 * </pre>
 *
 * Prints one result line of key=value pairs on stdout (closed/open): ok (201s counted), rps,
 * p50/p90/p99/max in ms, errors by status, the generator's own CPU seconds.
 */
public class IngestLoad {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TRACKING = Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");
    static final String[] CATEGORIES = {"MONEY_POLITICS", "NEUTRALITY", "CAMPAIGN", "VOTER_LIST", "INTIMIDATION",
            "OFFICIAL_MISCONDUCT", "VOTING_COUNTING", "HAZARD_LOGISTICS", "OTHER"};
    static final String[] WORDS = ("amplop uang warga masjid tim sukses kepala desa kampanye spanduk baliho pos ronda "
            + "balai kelurahan surat suara petugas kpps saksi relawan sembako beras minyak gula kupon bensin pasar "
            + "sekolah lapangan jalan gang rumah ketua rt rw malam pagi sore subuh mobil motor truk kaos stiker "
            + "kalender kartu nama calon partai nomor urut foto video pesan grup whatsapp ancaman pukul teriak "
            + "antrean daftar pemilih tambahan ganda meninggal pindah undangan formulir kotak segel tinta jari "
            + "bilik coblos hitung rekap kecamatan kabupaten provinsi polisi tentara guru dokter bidan camat lurah "
            + "sekretaris bendahara pengurus yayasan pondok pesantren santri jamaah pengajian arisan posyandu").split(" ");

    static final Map<String, String> args = new HashMap<>();
    static URI target;
    static List<String> regions;

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: IngestLoad closed|open|crash|replay key=value...");
        }
        for (int i = 1; i < argv.length; i++) {
            String[] kv = argv[i].split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        target = URI.create(args.get("url"));
        if (args.containsKey("regions")) {
            regions = Files.readAllLines(Path.of(args.get("regions"))).stream().filter(s -> !s.isBlank()).toList();
        }
        switch (argv[0]) {
            case "closed" -> closed(false);
            case "crash" -> closed(true);
            case "open" -> open();
            case "replay" -> replay();
            default -> throw new IllegalArgumentException("unknown mode " + argv[0]);
        }
        System.exit(0);
    }

    static String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    static String body() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        String region = regions.get(r.nextInt(regions.size()));
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            title.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        StringBuilder description = new StringBuilder();
        int words = 15 + r.nextInt(25); // ~100-250 characters, like a phone report
        for (int i = 0; i < words; i++) {
            description.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        String occurred = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(1 + r.nextInt(600))
                .truncatedTo(ChronoUnit.SECONDS).toString();
        return "{\"category\":\"" + category + "\",\"title\":\"" + title + "\",\"description\":\"" + description
                + "\",\"occurredAt\":\"" + occurred + "\",\"regionCode\":\"" + region + "\"}";
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /**
     * One keep-alive HTTP/1.1 connection to the application, used by one thread at a time: the
     * request in one write, the answer read by its Content-Length or chunks. Closed (and opened
     * again by the next request) after an I/O error or a "Connection: close".
     */
    static final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Response postReport(String body, String key) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/v1/reports HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + (key == null ? "" : "Idempotency-Key: " + key + "\r\n")
                    + "Content-Length: " + content.length + "\r\n\r\n";
            byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + content.length);
            System.arraycopy(content, 0, request, head.length(), content.length);
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
                    socket.setSoTimeout(60_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                Response response = read();
                if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                    close();
                }
                return response;
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new EOFException("answer cut short");
                }
                body.write(bytes);
            }
            return new Response(code, headers, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
            socket = null;
        }
    }

    static final class Recorder {
        private long[] values = new long[1 << 16];
        private int size;
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        synchronized void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        void error(String what) {
            errors.computeIfAbsent(what, k -> new LongAdder()).increment();
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return String.format("%.1f", sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0);
    }

    static void print(Recorder recorder, double seconds, long cpuStart, Map<String, String> extra) {
        long[] sorted = recorder.sorted();
        Map<String, String> out = new LinkedHashMap<>(extra);
        long ok = recorder.ok.sum();
        out.put("ok", Long.toString(ok));
        out.put("rps", String.format("%.1f", ok / seconds));
        out.put("p50_ms", ms(sorted, 0.50));
        out.put("p90_ms", ms(sorted, 0.90));
        out.put("p99_ms", ms(sorted, 0.99));
        out.put("max_ms", ms(sorted, 1.0));
        long errors = recorder.errors.values().stream().mapToLong(LongAdder::sum).sum();
        out.put("errors", Long.toString(errors));
        out.put("error_kinds", recorder.errors.isEmpty() ? "-"
                : String.join("/", new TreeMap<>(recorder.errors).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().sum()).toList()));
        out.put("gen_cpu_s", String.format("%.1f", (cpuTime() - cpuStart) / 1e9));
        StringBuilder line = new StringBuilder();
        out.forEach((k, v) -> line.append(line.isEmpty() ? "" : " ").append(k).append('=').append(v));
        System.out.println(line);
    }

    static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time from /proc at one instant: the application JVM (app-pid=); this generator;
     * PostgreSQL serving the benchmark database db= (its backends, the server's own processes, and
     * the exited backends the postmaster has reaped); PostgreSQL backends of other databases
     * (someone else's load); the whole machine (busy and total jiffies from /proc/stat).
     */
    record CpuSnapshot(long app, long gen, long pg, long pgOther, long busy, long total) {
        static CpuSnapshot take() {
            long app = 0, gen = 0, pg = 0, pgOther = 0, busy = 0, total = 0;
            long self = ProcessHandle.current().pid();
            long appPid = Long.parseLong(arg("app-pid", "-1"));
            String db = arg("db", "");
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path dir : dirs) {
                    String stat;
                    try {
                        stat = Files.readString(dir.resolve("stat"));
                    } catch (IOException e) {
                        continue; // gone
                    }
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == appPid) {
                        app += ticks;
                    } else if (pid == self) {
                        gen += ticks;
                    } else if (comm.equals("postgres")) {
                        String title;
                        try {
                            title = new String(Files.readAllBytes(dir.resolve("cmdline"))).split("\0")[0];
                        } catch (IOException | RuntimeException e) {
                            continue;
                        }
                        // a backend's title: "postgres: 15/main: USER DATABASE HOST(PORT) STATE"
                        String[] words = title.split(" +");
                        if (words[0].equals("postgres:") && words.length >= 5 && !words[3].equals(db)
                                && words[4].contains("(")) {
                            pgOther += ticks;
                        } else {
                            pg += ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]); // + reaped children
                        }
                    }
                }
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i <= 8; i++) {
                    long v = Long.parseLong(cpu[i]);
                    total += v;
                    busy += (i == 4 || i == 5) ? 0 : v; // idle, iowait
                }
            } catch (IOException | RuntimeException e) {
                return new CpuSnapshot(0, 0, 0, 0, 0, 0);
            }
            return new CpuSnapshot(app, gen, pg, pgOther, busy, total);
        }

        /** app, generator, postgres, other databases' backends, other (the rest of the machine's busy time), busy % */
        void put(CpuSnapshot end, Map<String, String> out) {
            double hz = 100.0; // USER_HZ; /proc/stat counts in the same unit
            long b = end.busy - busy;
            long known = (end.app - app) + (end.gen - gen) + (end.pg - pg) + (end.pgOther - pgOther);
            out.put("cpu_app_s", String.format("%.1f", (end.app - app) / hz));
            out.put("cpu_gen_s", String.format("%.1f", (end.gen - gen) / hz));
            out.put("cpu_pg_s", String.format("%.1f", (end.pg - pg) / hz));
            out.put("cpu_pg_other_s", String.format("%.1f", (end.pgOther - pgOther) / hz));
            out.put("cpu_other_s", String.format("%.1f", (b - known) / hz));
            out.put("busy_pct", String.format("%.0f", end.total == total ? 0 : 100.0 * b / (end.total - total)));
        }
    }

    /** Takes CPU snapshots at two instants (nanoTime) on a thread of its own. */
    static final class CpuWindow {
        volatile CpuSnapshot from, to;
        final Thread thread;

        CpuWindow(long fromNanos, long toNanos) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, fromNanos - System.nanoTime()));
                    from = CpuSnapshot.take();
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, toNanos - System.nanoTime()));
                    to = CpuSnapshot.take();
                } catch (InterruptedException e) {
                    // no figures
                }
            });
        }

        /** Puts the figures of the window; one that the load left early ends now (the crash run). */
        void put(Map<String, String> out) throws InterruptedException {
            if (to == null) {
                thread.interrupt();
            }
            thread.join();
            if (from != null && to == null) {
                to = CpuSnapshot.take();
            }
            if (from != null && to != null) {
                from.put(to, out);
            }
        }
    }

    // ------------------------------------------------------------------ closed loop (and crash)

    static void closed(boolean crash) throws Exception {
        int concurrency = Integer.parseInt(arg("concurrency", "1"));
        double warmup = crash ? 0 : Double.parseDouble(arg("warmup", "5"));
        double duration = Double.parseDouble(arg("duration", "20"));
        boolean keys = crash || Boolean.parseBoolean(arg("keys", "true"));
        PrintWriter log = crash ? new PrintWriter(Files.newBufferedWriter(Path.of(args.get("log"))), false) : null;
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (duration * 1e9);
        long cpuStart = cpuTime();
        CpuWindow window = new CpuWindow(measureFrom, measureTo);
        Recorder recorder = new Recorder();
        AtomicLong warmupOk = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                Connection connection = new Connection();
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= measureTo) {
                        return;
                    }
                    String body = body();
                    String key = keys ? UUID.randomUUID().toString() : null;
                    if (log != null) {
                        synchronized (log) {
                            log.println("SENT\t" + key + "\t" + body);
                        }
                    }
                    Response response;
                    try {
                        response = connection.postReport(body, key);
                    } catch (IOException e) {
                        if (log != null) {
                            synchronized (log) {
                                log.println("DONE\t" + key + "\tERR\t-\t-\t" + e.getClass().getSimpleName());
                            }
                            return; // the application is gone
                        }
                        if (sent >= measureFrom) {
                            recorder.error(e.getClass().getSimpleName());
                        }
                        sleep(50);
                        continue;
                    }
                    long done = System.nanoTime();
                    int status = response.status();
                    if (log != null) {
                        String id = find(ID, response.body());
                        String tracking = find(TRACKING, response.body());
                        synchronized (log) {
                            log.println("DONE\t" + key + "\t" + status + "\t" + id + "\t" + tracking + "\t-");
                        }
                    }
                    boolean measured = crash || (sent >= measureFrom && done <= measureTo);
                    if (status == 201) {
                        if (measured) {
                            recorder.ok.increment();
                            recorder.add((done - sent) / 1000);
                        } else if (sent < measureFrom) {
                            warmupOk.incrementAndGet();
                        }
                    } else if (sent >= measureFrom) {
                        recorder.error(Integer.toString(status));
                        if (status == 429) {
                            sleep(100);
                        }
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (log != null) {
            log.close();
        }
        double seconds = crash ? (System.nanoTime() - start) / 1e9 : duration;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("mode", crash ? "crash" : "closed");
        extra.put("concurrency", Integer.toString(concurrency));
        extra.put("duration_s", String.format("%.1f", seconds));
        extra.put("warmup_ok", Long.toString(warmupOk.get()));
        window.put(extra);
        print(recorder, seconds, cpuStart, extra);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "-";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ open loop

    static void open() throws Exception {
        double rate = Double.parseDouble(arg("rate", "500"));
        double warmup = Double.parseDouble(arg("warmup", "5"));
        double duration = Double.parseDouble(arg("duration", "20"));
        int connections = Integer.parseInt(arg("connections", "256"));
        boolean keys = Boolean.parseBoolean(arg("keys", "true"));
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000;
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        long cpuStart = cpuTime();
        CpuWindow window = new CpuWindow(measureFrom, end);
        Recorder recorder = new Recorder();
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int c = 0; c < connections; c++) {
            pool.add(new Connection());
        }
        AtomicLong late = new AtomicLong(); // measured requests that could not start within 1 ms of their time
        LongAdder scheduled = new LongAdder();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long intended = start + i * intervalNanos;
                if (intended >= end) {
                    break;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean measured = intended >= measureFrom;
                if (measured) {
                    scheduled.increment();
                }
                executor.submit(() -> {
                    Connection connection;
                    try {
                        connection = pool.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    try {
                        if (measured && System.nanoTime() - intended > 1_000_000) {
                            late.incrementAndGet();
                        }
                        Response response = connection.postReport(body(), keys ? UUID.randomUUID().toString() : null);
                        long done = System.nanoTime();
                        if (!measured) {
                            return;
                        }
                        if (response.status() == 201) {
                            recorder.ok.increment();
                            recorder.add((done - intended) / 1000);
                        } else {
                            recorder.error(Integer.toString(response.status()));
                        }
                    } catch (IOException e) {
                        if (measured) {
                            recorder.error(e.getClass().getSimpleName());
                        }
                    } finally {
                        pool.add(connection);
                    }
                });
            }
            // the executor's close waits for the stragglers: their latency counts, however late
        }
        double drained = (System.nanoTime() - end) / 1e9;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("mode", "open");
        extra.put("rate", String.format("%.0f", rate));
        extra.put("duration_s", String.format("%.1f", duration));
        extra.put("scheduled", Long.toString(scheduled.sum()));
        extra.put("late_starts", Long.toString(late.get()));
        extra.put("drain_s", String.format("%.1f", drained));
        window.put(extra);
        // throughput over the time it really took to answer the measured requests
        print(recorder, duration + drained, cpuStart, extra);
    }

    // ------------------------------------------------------------------ replay after a crash

    static void replay() throws Exception {
        int sample = Integer.parseInt(arg("sample", "200"));
        Map<String, String> bodies = new LinkedHashMap<>();
        Map<String, String[]> done = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args.get("log")))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("SENT")) {
                    bodies.put(f[1], f[2]);
                } else if (f[0].equals("DONE")) {
                    done.put(f[1], f);
                }
            }
        }
        // every request without a 201 (in flight at the kill), and every k-th acknowledged one
        int acknowledged = (int) done.values().stream().filter(d -> d[2].equals("201")).count();
        int every = sample <= 0 ? Integer.MAX_VALUE : Math.max(1, acknowledged / sample);
        List<String> chosen = new ArrayList<>();
        int seen = 0;
        for (String key : bodies.keySet()) {
            String[] d = done.get(key);
            if (d == null || !d[2].equals("201")) {
                chosen.add(key);
            } else if (seen++ % every == 0) {
                chosen.add(key);
            }
        }
        Connection connection = new Connection();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args.get("out"))))) {
            for (String key : chosen) {
                String[] d = done.get(key);
                Response response = connection.postReport(bodies.get(key), key);
                out.println(key + "\t" + (d == null ? "NONE" : d[2]) + "\t" + (d == null ? "-" : d[3]) + "\t"
                        + response.status() + "\t" + find(ID, response.body()) + "\t"
                        + response.headers().getOrDefault("idempotent-replayed", "false"));
            }
        }
    }

}
