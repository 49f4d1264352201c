package com.canon.cps.faults;

import static org.awaitility.Awaitility.await;

import com.canon.cps.faults.Http.Response;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * What must hold once the load ended and the platform settled. Each check counts the records it looked at and adds
 * an anomaly (a line saying what is wrong, where) for each violation; none of them can pass on an empty platform
 * (each first requires the journeys' records to exist).
 */
final class Checks {

    static final List<String> SERVICES =
            List.of("account", "verification", "product", "points", "membership", "billing", "notification");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

    private final Cluster cluster;
    private final Http http;
    private final List<ResumableJourney> journeys;
    private final Map<ResumableJourney, String> lastError;
    final List<String> anomalies = new ArrayList<>();
    final Map<String, Long> checked = new TreeMap<>();
    private String operatorToken;

    Checks(Cluster cluster, Http http, List<ResumableJourney> journeys, Map<ResumableJourney, String> lastError) {
        this.cluster = cluster;
        this.http = http;
        this.journeys = journeys;
        this.lastError = lastError;
    }

    long recordsChecked() {
        return checked.values().stream().mapToLong(Long::longValue).sum();
    }

    private void count(String check, long n) {
        checked.merge(check, n, Long::sum);
    }

    private void anomaly(String what) {
        anomalies.add(what);
    }

    void runAll() throws Exception {
        operatorToken = operatorToken();
        deadLetters();
        journeys();
        emails();
        eventStoreAndKafka();
        numbersAndEffects();
        projections();
    }

    private String operatorToken() {
        Response r = http.postJson(
                "/api/auth/login", Map.of("email", "operator@cps.local", "password", cluster.operatorPassword()), null);
        if (r.status() != 200) {
            throw new IllegalStateException("operator login failed: " + r);
        }
        return r.json().path("accessToken").asString();
    }

    /** Nothing parked: every event reached every consumer and every processor handled every event. */
    private void deadLetters() {
        for (String service : SERVICES) {
            Response r = http.get("/admin/" + service + "/dead-letters", operatorToken);
            if (r.status() != 200) {
                anomaly("dead letters of " + service + " not readable: " + r);
                continue;
            }
            for (JsonNode letter : r.json()) {
                anomaly("dead letter in " + service + ": " + letter);
            }
            count("dead-letter queues", 1);
        }
    }

    /** Every journey completed: account ACTIVE, one active membership with a number, 580 points, one invoice. */
    private void journeys() {
        Map<String, String> numberOwner = new HashMap<>();
        for (ResumableJourney j : journeys) {
            count("journeys", 1);
            if (!j.done()) {
                anomaly("journey " + j.id + " did not complete: at " + j.step() + ", last error " + lastError.get(j));
                continue;
            }
            Response status = http.get("/api/accounts/applications/" + j.accountId, null);
            if (status.status() != 200
                    || !"ACTIVE".equals(status.json().path("status").asString())) {
                anomaly("journey " + j.id + ": application " + j.accountId + " is not ACTIVE: " + status);
            }
            String token = j.freshToken(http);
            JsonNode membership = j.membership(http);
            String number = membership.path("membershipNumber").asString();
            if (!"ACTIVE".equals(membership.path("status").asString()) || number.isBlank()) {
                anomaly("journey " + j.id + ": membership not active with a number: " + membership);
            } else if (!number.equals(j.membershipNumber)) {
                anomaly("journey " + j.id + ": membership number changed from " + j.membershipNumber + " to " + number);
            }
            String other = numberOwner.put(number, j.accountId);
            if (other != null) {
                anomaly("membership number " + number + " held by " + other + " and " + j.accountId);
            }
            count("memberships", 1);
            JsonNode points = http.get("/api/points", token).json();
            long counted = 0;
            for (JsonNode p : points.path("products")) {
                counted += p.path("counted").asBoolean() ? 1 : 0;
            }
            if (points.path("balance").asInt() != ResumableJourney.EXPECTED_POINTS
                    || points.path("products").size() != 2
                    || counted != 2) {
                anomaly("journey " + j.id + ": points " + points + " (expected 580 from two counted products)");
            }
            count("points balances", 1);
            JsonNode invoices = http.get("/api/invoices", token).json();
            if (invoices.size() != 1) {
                anomaly("journey " + j.id + ": " + invoices.size() + " invoices for one ordered term: " + invoices);
            }
            count("invoices (API)", invoices.size());
            JsonNode products = http.get("/api/products", token).json();
            if (products.size() != 2) {
                anomaly("journey " + j.id + ": " + products.size() + " products registered: " + products);
            }
            count("products (API)", products.size());
        }
    }

    /**
     * Each e-mail exactly once: per completed journey, no e-mail twice (the same subject and text: one event sent
     * again; two products credited are two e-mails of one kind), and the same set of kinds of e-mail (subjects without
     * their numbers) as the other completed journeys (the set most of them got).
     */
    private void emails() {
        Map<ResumableJourney, List<String>> subjects = new HashMap<>();
        Map<ResumableJourney, List<String>> sent = new HashMap<>();
        for (ResumableJourney j : journeys) {
            if (!j.done()) {
                continue;
            }
            List<String> s = new ArrayList<>();
            List<String> whole = new ArrayList<>();
            for (JsonNode mail : http.get("/dev/mail?to=" + j.email, null).json()) {
                // the invoice e-mail's subject carries the invoice number: compare the kinds of e-mail
                s.add(mail.path("subject").asString().replaceAll("\\d+", "#"));
                whole.add(mail.path("subject").asString() + "\n"
                        + mail.path("text").asString());
            }
            subjects.put(j, s);
            sent.put(j, whole);
            count("e-mails", s.size());
        }
        Map<Set<String>, Long> sets =
                subjects.values().stream().collect(Collectors.groupingBy(HashSet::new, Collectors.counting()));
        Set<String> expected = sets.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(Set.of());
        if (!subjects.isEmpty() && expected.size() < 2) {
            anomaly("completed journeys got fewer than two kinds of e-mail: " + expected);
        }
        System.out.println(
                "fault injection: e-mails each completed journey gets: " + new TreeMap<>(Map.of("subjects", expected)));
        subjects.forEach((j, s) -> {
            Map<String, Long> perSubject =
                    s.stream().collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()));
            sent.get(j).stream()
                    .collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()))
                    .forEach((mail, n) -> {
                        if (n > 1) {
                            anomaly("journey " + j.id + " (" + j.email + "): e-mail '"
                                    + mail.lines().findFirst().orElse("") + "' sent " + n + " times");
                        }
                    });
            if (!perSubject.keySet().equals(expected)) {
                anomaly("journey " + j.id + " (" + j.email + "): e-mails " + perSubject.keySet() + ", expected "
                        + expected);
            }
        });
    }

    /** One stored event of the event table. */
    record StoredEvent(String id, String aggregate, String type, JsonNode payload) {

        String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }

        String text(String field) {
            return payload.path(field).asString("");
        }
    }

    private final Map<String, List<StoredEvent>> events = new HashMap<>();

    private List<StoredEvent> events(String service) throws SQLException {
        List<StoredEvent> cached = events.get(service);
        if (cached != null) {
            return cached;
        }
        List<StoredEvent> list = new ArrayList<>();
        try (Connection c = cluster.connect(service);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT eventidentifier, aggregateidentifier, payloadtype, payload"
                        + " FROM domainevententry ORDER BY globalindex")) {
            while (rs.next()) {
                JsonNode payload;
                try {
                    payload = Http.JSON.readTree(new String(rs.getBytes(4), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    payload = Http.JSON.createObjectNode();
                }
                list.add(new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), payload));
            }
        }
        events.put(service, list);
        return list;
    }

    /**
     * Zero lost events: every acknowledged write has its aggregate in the event store; every record on a service's
     * topic is an event of that service's store; and every stored event of a type that is published (a type seen on
     * the topic) is on the topic. The publisher may still be catching up after the last restart: waited for.
     */
    private void eventStoreAndKafka() throws SQLException {
        Set<String> accounts = aggregates("account");
        Set<String> products = aggregates("product");
        for (ResumableJourney j : journeys) {
            if (j.accountId != null && !accounts.contains(j.accountId)) {
                anomaly("journey " + j.id + ": acknowledged account " + j.accountId + " has no events");
            }
            count("acknowledged writes", j.accountId == null ? 0 : 1);
            for (String productId : j.productIds) {
                if (productId != null) {
                    if (!products.contains(productId)) {
                        anomaly("journey " + j.id + ": acknowledged product " + productId + " has no events");
                    }
                    count("acknowledged writes", 1);
                }
            }
        }
        for (String service : SERVICES) {
            AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
            AtomicReference<Map<String, Integer>> onTopic = new AtomicReference<>(Map.of());
            AtomicReference<List<StoredEvent>> inStore = new AtomicReference<>(List.of());
            try {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(3))
                        .until(() -> {
                            // the topic first, then the store: a record is published only after its event committed,
                            // so every record read has its event in the store read after it (a service may still
                            // append, e.g. a payment the gateway confirms late, while the checks run)
                            Map<String, Integer> records = topic("cps." + service + ".events");
                            events.remove(service); // read again, not the cached look
                            List<StoredEvent> stored = events(service);
                            Map<String, StoredEvent> byId =
                                    stored.stream().collect(Collectors.toMap(StoredEvent::id, e -> e));
                            onTopic.set(records);
                            inStore.set(stored);
                            problems.set(compare(service, stored, byId, records));
                            return problems.get().isEmpty();
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the problems of the last look are reported below
            }
            problems.get().forEach(this::anomaly);
            count("stored events", inStore.get().size());
            count(
                    "kafka records",
                    onTopic.get().values().stream().mapToInt(Integer::intValue).sum());
            long redelivered =
                    onTopic.get().values().stream().filter(n -> n > 1).count();
            if (redelivered > 0) {
                System.out.printf(
                        "fault injection: cps.%s.events holds %d events more than once (at-least-once publishing;"
                                + " consumers deduplicate by ce_id)%n",
                        service, redelivered);
            }
        }
    }

    private static List<String> compare(
            String service, List<StoredEvent> stored, Map<String, StoredEvent> byId, Map<String, Integer> records) {
        List<String> problems = new ArrayList<>();
        Set<String> publishedTypes = new HashSet<>();
        for (String ceId : records.keySet()) {
            StoredEvent e = byId.get(ceId);
            if (e == null) {
                problems.add(
                        "cps." + service + ".events: record " + ceId + " is no event of the " + service + " store");
            } else {
                publishedTypes.add(e.type());
            }
        }
        for (StoredEvent e : stored) {
            if (publishedTypes.contains(e.type()) && !records.containsKey(e.id())) {
                problems.add(service + ": stored " + e.simpleType() + " " + e.id() + " of " + e.aggregate()
                        + " never reached cps." + service + ".events");
            }
        }
        if (!stored.isEmpty() && records.isEmpty()) {
            problems.add("cps." + service + ".events is empty although " + stored.size() + " events are stored");
        }
        return problems;
    }

    private Set<String> aggregates(String service) throws SQLException {
        return events(service).stream().map(StoredEvent::aggregate).collect(Collectors.toSet());
    }

    /** ce_id of every record on the topic, with how often it is there. */
    private Map<String, Integer> topic(String topic) {
        Map<String, Integer> ids = new HashMap<>();
        readTopic(topic, r -> ids.merge(ceId(r), 1, Integer::sum));
        return ids;
    }

    private static String ceId(ConsumerRecord<byte[], byte[]> r) {
        Header id = r.headers().lastHeader("ce_id");
        return id == null ? "(no ce_id)" : new String(id.value(), StandardCharsets.UTF_8);
    }

    /** Every record on the topic, from its beginning to its end as it is now. */
    private void readTopic(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    /**
     * After a rolling restart of points-service to its next build (separate shape): the next build published
     * records of {@code PointsBalanceChanged} carrying its new optional field ({@link NextBuild#FIELD}, consistent
     * with the balance and the change), and the consumers on the old contract (membership, notification) handled
     * every one of them (its {@code ce_id} in their inbox, {@code processed_message}); that they did so without a
     * dead letter and with the journeys' effects right is what the other checks say.
     */
    void nextBuildRecordsConsumed() throws SQLException {
        List<String> ids = new ArrayList<>();
        readTopic("cps.points.events", r -> {
            Header type = r.headers().lastHeader("ce_type");
            if (type == null
                    || !new String(type.value(), StandardCharsets.UTF_8).equals("cps.points.PointsBalanceChanged.v1")) {
                return;
            }
            JsonNode data = Http.JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
            JsonNode previous = data.get(NextBuild.FIELD);
            if (previous == null || previous.isNull()) {
                return;
            }
            ids.add(ceId(r));
            if (previous.asInt()
                    != data.get("balance").asInt() - data.get("change").asInt()) {
                anomaly("cps.points.events: " + ceId(r) + " of the next build says " + NextBuild.FIELD + "=" + previous
                        + " for " + data);
            }
        });
        count("records of the next build (" + NextBuild.FIELD + ")", ids.size());
        if (ids.isEmpty()) {
            anomaly("no record on cps.points.events carries " + NextBuild.FIELD
                    + ": the next build of points-service never published");
        }
        for (String consumer : List.of("membership", "notification")) {
            Set<String> processed = new HashSet<>();
            try (Connection c = cluster.connect(consumer);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT message_id FROM processed_message")) {
                while (rs.next()) {
                    processed.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                count("next-build records consumed on the old contract", 1);
                if (!processed.contains(id)) {
                    anomaly(consumer + " (old contract) did not handle " + id + " of the next build of points");
                }
            }
        }
    }

    /**
     * Zero duplicate effects, from the stores themselves: membership numbers unique and one per activated account;
     * invoice numbers unique and gapless per series; one invoice per ordered term; one points allocation per
     * product.
     */
    private void numbersAndEffects() throws SQLException {
        Set<String> journeyAccounts =
                journeys.stream().map(j -> j.accountId).filter(Objects::nonNull).collect(Collectors.toSet());
        // membership numbers: the claim table, and the MembershipActivated events
        Map<String, List<String>> numbersByAccount = new HashMap<>();
        try (Connection c = cluster.connect("membership");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT membership_number, account_id FROM membership_number")) {
            while (rs.next()) {
                numbersByAccount
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getString(1));
                count("membership numbers", 1);
            }
        }
        Map<String, Long> activations = countBy(events("membership"), "MembershipActivated", "accountId");
        Map<String, Long> orders = countBy(events("membership"), "SubscriptionOrdered", "accountId");
        Map<String, String> activatedNumber = new HashMap<>();
        for (StoredEvent e : events("membership")) {
            if (e.simpleType().equals("MembershipActivated")) {
                String previous = activatedNumber.put(e.text("membershipNumber"), e.text("accountId"));
                if (previous != null) {
                    anomaly("membership number " + e.text("membershipNumber") + " activated twice: " + previous + ", "
                            + e.text("accountId"));
                }
            }
        }
        for (String account : journeyAccounts) {
            if (activations.getOrDefault(account, 0L) != 1) {
                anomaly("account " + account + ": " + activations.getOrDefault(account, 0L)
                        + " MembershipActivated events (expected 1)");
            }
            if (orders.getOrDefault(account, 0L) != 1) {
                anomaly("account " + account + ": " + orders.getOrDefault(account, 0L)
                        + " SubscriptionOrdered events (expected 1)");
            }
        }
        count(
                "membership events",
                activations.values().stream().mapToLong(Long::longValue).sum());
        // invoices: numbers unique and gapless per series, one per ordered term
        Map<String, List<Long>> seriesNumbers = new TreeMap<>();
        Map<String, Long> invoicesByAccount = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        try (Connection c = cluster.connect("billing");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT series, number, account_id FROM issued_invoice")) {
                while (rs.next()) {
                    Matcher m = TRAILING_NUMBER.matcher(rs.getString(2));
                    if (!numbers.add(rs.getString(2)) || !m.find()) {
                        anomaly("invoice number " + rs.getString(2) + " duplicate or without a counter");
                        continue;
                    }
                    seriesNumbers
                            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Long.parseLong(m.group(1)));
                    invoicesByAccount.merge(rs.getString(3), 1L, Long::sum);
                    count("invoice numbers", 1);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT series, last_number FROM invoice_series")) {
                while (rs.next()) {
                    List<Long> issued = seriesNumbers.getOrDefault(rs.getString(1), List.of());
                    List<Long> sorted = issued.stream().sorted().toList();
                    for (int i = 0; i < sorted.size(); i++) {
                        if (sorted.get(i) != i + 1) {
                            anomaly("invoice series " + rs.getString(1) + " is not gapless: " + sorted);
                            break;
                        }
                    }
                    if (sorted.size() != rs.getLong(2)) {
                        anomaly("invoice series " + rs.getString(1) + ": counter at " + rs.getLong(2) + " but "
                                + sorted.size() + " invoices issued");
                    }
                    count("invoice series", 1);
                }
            }
        }
        Map<String, Long> invoiceEvents = countBy(events("billing"), "InvoiceIssued", "accountId");
        Set<String> orderedAccounts = new HashSet<>(orders.keySet());
        orderedAccounts.addAll(invoicesByAccount.keySet());
        for (String account : orderedAccounts) {
            long ordered = orders.getOrDefault(account, 0L);
            long invoiced = invoicesByAccount.getOrDefault(account, 0L);
            long issuedEvents = invoiceEvents.getOrDefault(account, 0L);
            if (ordered != invoiced || invoiced != issuedEvents) {
                anomaly("account " + account + ": " + ordered + " ordered terms, " + invoiced + " invoices, "
                        + issuedEvents + " InvoiceIssued events");
            }
            count("ordered terms", ordered);
        }
        if (journeyAccounts.stream().anyMatch(a -> !invoicesByAccount.containsKey(a))) {
            anomaly("journey accounts without an invoice: "
                    + journeyAccounts.stream()
                            .filter(a -> !invoicesByAccount.containsKey(a))
                            .toList());
        }
        // points: one allocation per product
        Map<String, Long> allocations = countBy(events("points"), "ProductPointsCounted", "productId");
        Map<String, Long> registrations = countBy(events("product"), "ProductRegistered", "productId");
        allocations.forEach((product, n) -> {
            if (n != 1) {
                anomaly("product " + product + ": points counted " + n + " times");
            }
        });
        for (String product : registrations.keySet()) {
            if (!allocations.containsKey(product)) {
                anomaly("product " + product + " registered (complete) but its points were never counted");
            }
        }
        count("points allocations", allocations.size());
    }

    private static Map<String, Long> countBy(List<StoredEvent> events, String type, String field) {
        return events.stream()
                .filter(e -> e.simpleType().equals(type))
                .collect(Collectors.groupingBy(e -> e.text(field), Collectors.counting()));
    }

    /**
     * Every projection equals a rebuild from the event store: the documents of the live collections are read, the
     * projection is rebuilt through {@code /admin/<service>/projections/<name>/rebuild} into a new version, and
     * after the switch the new version's documents must be the same, field for field.
     */
    private void projections() {
        try (MongoClient mongo = MongoClients.create(cluster.mongoUri())) {
            for (String service : SERVICES) {
                Response list = http.get("/admin/" + service + "/projections", operatorToken);
                if (list.status() != 200) {
                    anomaly("projections of " + service + " not readable: " + list);
                    continue;
                }
                for (JsonNode projection : list.json()) {
                    compareWithRebuild(mongo.getDatabase(service), service, projection);
                }
            }
        }
        if (!checked.containsKey("projection documents")) {
            anomaly("no projection document was compared");
        }
    }

    private void compareWithRebuild(MongoDatabase db, String service, JsonNode projection) {
        String name = projection.path("name").asString();
        String where = service + "/" + name;
        Map<String, Map<Object, Document>> live = read(db, projection.path("collections"));
        Response started = http.post("/admin/" + service + "/projections/" + name + "/rebuild", operatorToken);
        if (started.status() != 202) {
            anomaly(where + ": rebuild refused: " + started);
            return;
        }
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    status.set(http.get("/admin/" + service + "/projections/" + name + "/rebuild", operatorToken)
                            .json());
                    String s = status.get().path("status").asString();
                    return s.equals("SWITCHED") || s.equals("FAILED") || s.equals("CANCELLED");
                });
        if (!status.get().path("status").asString().equals("SWITCHED")) {
            anomaly(where + ": rebuild ended " + status.get());
            return;
        }
        JsonNode after = null;
        for (JsonNode p :
                http.get("/admin/" + service + "/projections", operatorToken).json()) {
            if (p.path("name").asString().equals(name)) {
                after = p;
            }
        }
        Map<String, Map<Object, Document>> rebuilt = read(db, after.path("collections"));
        List<String> liveNames = new ArrayList<>(live.keySet());
        List<String> rebuiltNames = new ArrayList<>(rebuilt.keySet());
        if (liveNames.size() != rebuiltNames.size()) {
            anomaly(where + ": collections " + liveNames + " vs rebuilt " + rebuiltNames);
            return;
        }
        for (int i = 0; i < liveNames.size(); i++) {
            String collection = liveNames.get(i);
            Map<Object, Document> a = live.get(collection);
            Map<Object, Document> b = rebuilt.get(rebuiltNames.get(i));
            Set<Object> ids = new HashSet<>(a.keySet());
            ids.addAll(b.keySet());
            // per member: the first difference of each member whose documents differ
            Map<String, String> firstDifferenceByMember = new TreeMap<>();
            for (Object id : ids) {
                String difference = difference(a.get(id), b.get(id));
                if (difference != null) {
                    firstDifferenceByMember.putIfAbsent(member(a.get(id), b.get(id), id), id + ": " + difference);
                }
            }
            firstDifferenceByMember.entrySet().stream()
                    .limit(10)
                    .forEach(e -> anomaly(
                            where + " (" + collection + "), member " + e.getKey() + ", document " + e.getValue()));
            if (firstDifferenceByMember.size() > 10) {
                anomaly(where + " (" + collection + "): " + (firstDifferenceByMember.size() - 10)
                        + " more members differ");
            }
            count("projection documents", ids.size());
        }
        count("projections rebuilt", 1);
    }

    /** The member a document belongs to: its {@code accountId}, else its id. */
    private static String member(Document live, Document rebuilt, Object id) {
        Document d = live != null ? live : rebuilt;
        Object account = d.get("accountId");
        return String.valueOf(account != null ? account : id);
    }

    /** {@code null} when equal, else the first difference (missing document or first differing field). */
    static String difference(Document live, Document rebuilt) {
        if (Objects.equals(live, rebuilt)) {
            return null;
        }
        if (live == null) {
            return "missing in the live read model, rebuilt " + rebuilt;
        }
        if (rebuilt == null) {
            return "in the live read model only: " + live;
        }
        Set<String> fields = new java.util.TreeSet<>(live.keySet());
        fields.addAll(rebuilt.keySet());
        for (String field : fields) {
            if (!Objects.equals(live.get(field), rebuilt.get(field))) {
                return "field " + field + " live " + live.get(field) + " but rebuilt " + rebuilt.get(field);
            }
        }
        return "live " + live + " but rebuilt " + rebuilt;
    }

    /** Collection name (in the order given) to its documents by id. */
    private static Map<String, Map<Object, Document>> read(MongoDatabase db, JsonNode collections) {
        Map<String, Map<Object, Document>> result = new java.util.LinkedHashMap<>();
        for (JsonNode c : collections) {
            Map<Object, Document> docs = new HashMap<>();
            for (Document d : db.getCollection(c.asString()).find()) {
                docs.put(d.get("_id"), d);
            }
            result.put(c.asString(), docs);
        }
        return result;
    }
}
