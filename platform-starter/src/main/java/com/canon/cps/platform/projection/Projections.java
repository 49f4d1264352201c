package com.canon.cps.platform.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections of this service and the physical collections of their versions.
 *
 * <p>A projection is a bean annotated with {@link Projection} (its {@code @ProcessingGroup} is the projection's name);
 * its views are stored per version: version 1 in the {@code @Document} collection itself (so data written before
 * versioning stays valid), version {@code n > 1} in {@code <collection>_v<n>}. The active version of each projection
 * is a row of {@code projection_version}; reads resolve it through {@link #collection(Class)} from a cache refreshed
 * at most every {@code cacheTtl}, the live processor's writes in their own transaction (see
 * {@link #liveVersion(String)}).
 */
public class Projections implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    private static final String UOW_RESOURCE = Projections.class.getName() + ".version.";

    /** One projection: its name, handler beans and views (logical collection name → view type). */
    public record Definition(String name, List<Object> handlers, Map<String, Class<?>> views) {
        public Set<String> collections() {
            return views.keySet();
        }
    }

    private final ApplicationContext context;
    private final MongoTemplate mongo;
    private final JdbcTemplate jdbc;
    private final Duration cacheTtl;
    private final Map<String, Definition> byName = new LinkedHashMap<>();
    private final Map<String, String> nameByCollection = new ConcurrentHashMap<>();
    private final Map<String, Integer> activeVersions = new ConcurrentHashMap<>();
    private volatile long refreshedAt;

    public Projections(ApplicationContext context, MongoTemplate mongo, JdbcTemplate jdbc, Duration cacheTtl) {
        this.context = context;
        this.mongo = mongo;
        this.jdbc = jdbc;
        this.cacheTtl = cacheTtl;
    }

    /** Finds the projections, registers their versions and creates the indexes of the active ones. */
    @Override
    public void afterSingletonsInstantiated() {
        Map<String, List<Object>> handlers = new LinkedHashMap<>();
        Map<String, Map<String, Class<?>>> views = new LinkedHashMap<>();
        Map<String, Boolean> groupIsProjection = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            Projection projection = AnnotatedElementUtils.findMergedAnnotation(type, Projection.class);
            if (group == null) {
                continue;
            }
            Boolean before = groupIsProjection.put(group.value(), projection != null);
            if (before != null && before != (projection != null)) {
                throw new IllegalStateException("Processing group " + group.value()
                        + " mixes @Projection handlers with other handlers: a rebuild would skip those");
            }
            if (projection == null) {
                continue;
            }
            handlers.computeIfAbsent(group.value(), k -> new ArrayList<>()).add(bean);
            for (Class<?> view : projection.value()) {
                String collection = mongo.getCollectionName(view);
                views.computeIfAbsent(group.value(), k -> new LinkedHashMap<>()).put(collection, view);
                String other = nameByCollection.putIfAbsent(collection, group.value());
                if (other != null && !other.equals(group.value())) {
                    throw new IllegalStateException("Collection " + collection + " is written by two projections: "
                            + other + ", " + group.value());
                }
            }
        }
        handlers.forEach((name, beans) -> byName.put(name, new Definition(name, List.copyOf(beans), views.get(name))));
        for (String name : byName.keySet()) {
            jdbc.update(
                    "INSERT INTO projection_version (name, active_version, last_version) VALUES (?, 1, 1)"
                            + " ON CONFLICT (name) DO NOTHING",
                    name);
        }
        refresh();
        byName.keySet().forEach(name -> ensureIndexes(name, activeVersion(name)));
        log.info("Projections: {}", byName.keySet());
    }

    public Collection<Definition> all() {
        return byName.values();
    }

    public Optional<Definition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The physical collection that serves reads of {@code view} now. */
    public String collection(Class<?> view) {
        return collection(mongo.getCollectionName(view));
    }

    /** The physical collection that serves reads of the logical {@code collection} now. */
    public String collection(String collection) {
        String name = nameByCollection.get(collection);
        return name == null ? collection : physical(collection, activeVersion(name));
    }

    /** {@code collection} for version 1, {@code collection_v<n>} for later versions. */
    public static String physical(String collection, int version) {
        return version <= 1 ? collection : collection + "_v" + version;
    }

    /** The projection that owns the logical {@code collection}, if any. */
    public Optional<String> owner(String collection) {
        return Optional.ofNullable(nameByCollection.get(collection));
    }

    /** The active version as this instance last read it (refreshed at most every {@code cacheTtl}). */
    public int activeVersion(String name) {
        if (System.nanoTime() - refreshedAt > cacheTtl.toNanos()) {
            refresh();
        }
        return activeVersions.getOrDefault(name, 1);
    }

    /**
     * The version a live processor writes into. Inside a unit of work (a processor batch, which runs in a
     * PostgreSQL transaction) the row is read {@code FOR SHARE} once per batch and projection: the switch to a
     * rebuilt version waits for the batch to commit, and batches after the switch see the new version. So every
     * event the live processor has handled before the switch is covered by the rebuild, and every later one lands
     * in the new version.
     */
    int liveVersion(String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return activeVersion(name);
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(UOW_RESOURCE + name, key -> {
            List<Integer> rows = jdbc.queryForList(
                    "SELECT active_version FROM projection_version WHERE name = ? FOR SHARE", Integer.class, name);
            int version = rows.isEmpty() ? 1 : rows.get(0);
            activeVersions.put(name, version);
            return version;
        });
    }

    /** Records a switch made by this instance at once (other instances see it within {@code cacheTtl}). */
    void activated(String name, int version) {
        activeVersions.put(name, version);
    }

    /** Re-reads the active versions; on failure the last known ones stay in force. */
    public void refresh() {
        try {
            jdbc.query("SELECT name, active_version FROM projection_version", rs -> {
                activeVersions.put(rs.getString(1), rs.getInt(2));
            });
            refreshedAt = System.nanoTime();
        } catch (RuntimeException e) {
            log.warn("Could not read the active projection versions; keeping the last known ones", e);
        }
    }

    /** Creates the indexes declared on the views ({@code @Indexed}, {@code @CompoundIndex}) on one version. */
    public void ensureIndexes(String name, int version) {
        Definition definition = byName.get(name);
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(
                (MongoMappingContext) mongo.getConverter().getMappingContext());
        definition.views().forEach((collection, view) -> {
            for (IndexDefinition index : resolver.resolveIndexFor(view)) {
                mongo.indexOps(physical(collection, version)).createIndex(index);
            }
        });
    }

    /** Drops the collections of one version of a projection. */
    public void drop(String name, int version) {
        Set<String> dropped = new LinkedHashSet<>();
        for (String collection : byName.get(name).collections()) {
            String physical = physical(collection, version);
            if (mongo.collectionExists(physical)) {
                mongo.dropCollection(physical);
                dropped.add(physical);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Projection {}: dropped version {} ({})", name, version, dropped);
        }
    }
}
