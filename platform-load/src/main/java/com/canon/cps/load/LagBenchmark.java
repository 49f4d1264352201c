package com.canon.cps.load;

import com.canon.cps.platform.test.QuietMachine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Cross-service lag (issue #7): applications submitted to account-service at a steady rate (each with its evidence
 * document), and the time from each {@code AccountApplicationSubmitted} append to verification-service's case
 * projection holding the case, read from verification-service's {@code cps.events.age{processor="verification-cases",
 * origin="upstream"}} histogram (the difference of two scrapes, so only the measured window counts). Each application
 * sets off the rest of the onboarding (registry check, verification, account opened, e-mails), so the platform
 * appends several events per application (BENCHMARKS.md counts them in the event tables). Beside it, in the same run and on the
 * same broker: the end-to-end latency of a plain Kafka producer ({@code acks=all}, idempotent, as the publishers) and
 * consumer at the same rate.
 *
 * <pre>java -jar platform-load/target/platform-load.jar lag --base-url http://127.0.0.1:8080
 *   --verification-url http://127.0.0.1:8082 --kafka 127.0.0.1:19092 --rate 25 --duration PT60S</pre>
 *
 * <p>The target (p99 &lt; 250 ms) holds at a steady {@value #TARGET_EVENTS_PER_SECOND} events/s. {@code --rate} is in
 * applications per second; the events per second are the applications per second achieved in the window times
 * {@code --events-per-application} (default {@value #DEFAULT_EVENTS_PER_APPLICATION}: what BENCHMARKS.md counted in
 * the seven event tables; pass the count of your run). A verdict (MET or MISSED) is printed only when that is within
 * {@value #RATE_TOLERANCE_PERCENT} % of the target rate, so {@code --rate 25}; at any other rate the figures are
 * information. The load average is read before the run: above 0.5 the run is INVALID (no verdict either).
 */
public final class LagBenchmark {

    static final double TARGET_EVENTS_PER_SECOND = 200;
    static final double TARGET_P99_SECONDS = 0.25;
    static final double DEFAULT_EVENTS_PER_APPLICATION = 8;
    static final int RATE_TOLERANCE_PERCENT = 5;

    private static final String PROCESSOR = "verification-cases";
    private static final Pattern BUCKET = Pattern.compile("cps_events_age_seconds_bucket\\{([^}]*)\\} ([0-9.eE+-]+)");

    private LagBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        QuietMachine machine = QuietMachine.atStart();
        System.out.println(machine.line());
        String baseUrl = o.getOrDefault("base-url", "http://localhost:8080");
        String pointsUrl = o.getOrDefault("verification-url", portPlus(baseUrl, 2));
        // /actuator/prometheus needs the scrape password (user prometheus): ./cps-local keeps it in its data directory
        scrapePassword = o.getOrDefault("scrape-password", scrapePassword(o.getOrDefault("data-dir", ".cps-local")));
        // ./cps-local's broker listens 11,012 ports above its entry point (19092 beside 8080)
        String kafka =
                o.getOrDefault("kafka", "127.0.0.1:" + (URI.create(baseUrl).getPort() + 11_012));
        double rate = Double.parseDouble(o.getOrDefault("rate", "25"));
        double eventsPerApplication = Double.parseDouble(
                o.getOrDefault("events-per-application", String.valueOf(DEFAULT_EVENTS_PER_APPLICATION)));
        Duration warmup = Duration.parse(o.getOrDefault("warmup", "PT15S"));
        Duration window = Duration.parse(o.getOrDefault("duration", "PT60S"));

        System.out.printf(
                "raw limit: plain Kafka producer -> consumer on %s at %.0f records/s for %s%n", kafka, rate, window);
        Histogram raw = plainKafka(kafka, rate, window);

        PlatformClient http = new PlatformClient(baseUrl);
        System.out.printf("submitting applications at %.0f/s: warm-up %s, window %s%n", rate, warmup, window);
        String run = Long.toHexString(System.nanoTime());
        AtomicInteger failures = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        Load load = new Load(http, run, failures, sent);
        load.run(rate, warmup);
        TreeMap<Double, Double> before = buckets(pointsUrl);
        long sentBefore = sent.get();
        load.run(rate, window);
        // the last registrations of the window still count: give them time to be projected
        Thread.sleep(2_000);
        TreeMap<Double, Double> after = buckets(pointsUrl);
        load.close();

        TreeMap<Double, Double> windowCounts = new TreeMap<>();
        after.forEach((le, count) -> windowCounts.put(le, count - before.getOrDefault(le, 0.0)));
        double total = windowCounts.lastEntry().getValue();
        long registered = sent.get() - sentBefore;
        System.out.printf(
                "%nCross-service lag at %.0f applications/s (account-service append -> verification-service projection)%n",
                rate);
        System.out.printf(
                "  applications in the window %d (%.1f/s), failed %d; events projected %d%n",
                registered, registered / (double) window.toSeconds(), failures.get(), (long) total);
        System.out.printf(
                "  ours   p50 <= %s  p90 <= %s  p99 <= %s ms (histogram bucket bounds)%n",
                ms(percentile(windowCounts, 0.50)),
                ms(percentile(windowCounts, 0.90)),
                ms(percentile(windowCounts, 0.99)));
        System.out.printf(
                "  plain Kafka   p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms (%d records)%n",
                raw.getValueAtPercentile(50) / 1000.0,
                raw.getValueAtPercentile(90) / 1000.0,
                raw.getValueAtPercentile(99) / 1000.0,
                raw.getMaxValue() / 1000.0,
                raw.getTotalCount());
        double p99 = percentile(windowCounts, 0.99);
        double eventsPerSecond = registered / (double) window.toSeconds() * eventsPerApplication;
        System.out.printf(
                "  %.1f events/s (%.1f applications/s x %.1f events per application)%n",
                eventsPerSecond, registered / (double) window.toSeconds(), eventsPerApplication);
        System.out.printf(
                "  target p99 < 250 ms at a steady 200 events/s: %s%n", verdict(eventsPerSecond, p99, machine));
        System.out.println("  " + machine.line());
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    /**
     * MET or MISSED only for a run at the target rate ({@value #TARGET_EVENTS_PER_SECOND} events/s within
     * {@value #RATE_TOLERANCE_PERCENT} %) on a quiet machine; otherwise why there is no verdict.
     */
    static String verdict(double eventsPerSecond, double p99Seconds, QuietMachine machine) {
        if (!(Math.abs(eventsPerSecond - TARGET_EVENTS_PER_SECOND)
                <= TARGET_EVENTS_PER_SECOND * RATE_TOLERANCE_PERCENT / 100.0)) {
            return String.format(
                    java.util.Locale.ROOT,
                    "no verdict: %.1f events/s is not the target rate (%.0f events/s +- %d %%); the figures are"
                            + " information",
                    eventsPerSecond,
                    TARGET_EVENTS_PER_SECOND,
                    RATE_TOLERANCE_PERCENT);
        }
        if (!machine.quiet()) {
            return String.format(
                    java.util.Locale.ROOT,
                    "INVALID (load average at start %.2f > %.1f)",
                    machine.loadAverage(),
                    QuietMachine.MAX_LOAD);
        }
        return p99Seconds < TARGET_P99_SECONDS ? "MET" : "MISSED";
    }

    /** The plain pipeline: one idempotent acks=all producer at the rate, one consumer, latency = receive - send. */
    private static Histogram plainKafka(String bootstrap, double rate, Duration window) throws Exception {
        String topic = "cps.benchmark.plain-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        long expected = (long) (rate * window.toSeconds());
        try (KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread sender = new Thread(() -> {
                long interval = (long) (1_000_000_000L / rate);
                long next = System.nanoTime();
                for (long i = 0; i < expected; i++) {
                    next += interval;
                    parkUntil(next);
                    byte[] payload =
                            ByteBuffer.allocate(512).putLong(System.nanoTime()).array();
                    producer.send(new ProducerRecord<>(topic, "key-" + (i % 64), payload));
                }
                producer.flush();
            });
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + window.toNanos() + TimeUnit.SECONDS.toNanos(30);
            while (received < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long sentAt = ByteBuffer.wrap(r.value()).getLong();
                    latency.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1_000));
                    received++;
                }
            }
            sender.join();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return latency;
    }

    /** Applications at a fixed rate (open model: due times do not wait for slow answers), on a pool of senders. */
    private static final class Load implements AutoCloseable {

        private final PlatformClient http;
        private final String run;
        private final AtomicInteger failures;
        private final AtomicLong sent;
        private final LoadOptions options = LoadOptions.defaults();
        private final Results results = new Results(Journey.STEPS);
        private final ExecutorService senders = Executors.newFixedThreadPool(32);
        private long n;

        Load(PlatformClient http, String run, AtomicInteger failures, AtomicLong sent) {
            this.http = http;
            this.run = run;
            this.failures = failures;
            this.sent = sent;
        }

        void run(double rate, Duration duration) {
            long interval = (long) (1_000_000_000L / rate);
            long count = (long) (rate * duration.toSeconds());
            long next = System.nanoTime();
            for (long i = 0; i < count; i++) {
                next += interval;
                parkUntil(next);
                String id = "lag-" + run + "-a" + n++;
                senders.execute(() -> apply(id));
            }
        }

        private void apply(String id) {
            try {
                new Journey(http, results, false, options, id).apply();
                sent.incrementAndGet();
            } catch (RuntimeException e) {
                if (failures.getAndIncrement() < 5) {
                    System.out.println("  application failed: " + e);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    /** Cumulative bucket counts of the processor's upstream age histogram, by upper bound in seconds. */
    private static String scrapePassword = "";

    private static String scrapePassword(String dataDir) throws java.io.IOException {
        String env = System.getenv("CPS_MANAGEMENT_SCRAPE_PASSWORD");
        if (env != null && !env.isBlank()) {
            return env;
        }
        java.nio.file.Path file = java.nio.file.Path.of(dataDir, "secrets", "scrape-password");
        return java.nio.file.Files.exists(file)
                ? java.nio.file.Files.readString(file).trim()
                : "";
    }

    static TreeMap<Double, Double> buckets(String pointsUrl) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("prometheus:" + scrapePassword).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = client.send(
                        HttpRequest.newBuilder(URI.create(pointsUrl + "/actuator/prometheus"))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(body);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("processor=\"" + PROCESSOR + "\"") && labels.contains("origin=\"upstream\"")) {
                Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
                if (le.find()) {
                    double bound =
                            le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.put(bound, Double.parseDouble(m.group(2)));
                }
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no cps_events_age_seconds histogram of " + PROCESSOR + " at " + pointsUrl);
        }
        return buckets;
    }

    /** The upper bound (seconds) of the bucket in which the cumulative count reaches {@code q} of the total. */
    static double percentile(TreeMap<Double, Double> cumulative, double q) {
        double total = cumulative.lastEntry().getValue();
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static String ms(double seconds) {
        return Double.isInfinite(seconds) ? "inf" : String.format("%.1f", seconds * 1000);
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static String portPlus(String baseUrl, int delta) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + delta);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --base-url URL --verification-url URL --kafka HOST:PORT"
                        + " --rate R (applications/s) --events-per-application E --warmup PT15S --duration PT60S");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
