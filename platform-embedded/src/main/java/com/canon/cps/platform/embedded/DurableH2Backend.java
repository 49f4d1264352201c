package com.canon.cps.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend of the Mongo substitute, made to keep MongoDB's promise for a journaled write concern
 * ({@code j: true}): <b>a write is acknowledged only once it is in the file</b> (committed and fsynced).
 *
 * <p>Why: mongo-java-server's own H2 backend commits in the background about once a second, so a {@code kill -9}
 * lost up to a second of acknowledged writes. The projection processors had moved their tokens (PostgreSQL,
 * {@code fsync=on}) past those writes, so the read models skipped them for good (issue #12, ADR 12). With this
 * backend the order the processors rely on holds: a read-model write is durable before the token that says
 * "handled" is committed.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every command that is not a read ends with a commit of the MVStore and an fsync before its answer leaves;
 *       concurrent writers share one commit (group commit: whoever commits covers every operation finished before).
 *   <li>A commit never captures half an operation: operations run under a shared lock, a commit under the exclusive
 *       one, so an index entry and its document are always stored together.
 *   <li>There is no commit but this class's: no background commit, and no commit from inside an operation (MVStore
 *       commits in the middle of a write once its unsaved changes pass the auto-commit buffer, which a file store
 *       has even with auto-commit disabled; the buffer is 0 here). The file holds exactly the states this class
 *       committed.
 *   <li>Retention time 0 lets the store reuse dead chunks at once, which is safe because every commit is synced
 *       before the next one starts (MVStore's retention exists for writes a file system has not yet flushed). The
 *       fsync stays under the exclusive lock: moving it out, so that operations go on while the disk flushes, gained
 *       nothing measurable (8 writers: 689 against 774 writes/s, {@code GuardedUpsertBenchmark}); the commit's
 *       serialisation of the changed pages costs more than the flush.
 * </ul>
 */
final class DurableH2Backend implements MongoBackend {

    /** Commands that never change data: answered without a commit. Everything else is treated as a write. */
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "ping",
            "hello",
            "ismaster",
            "buildinfo",
            "getlasterror",
            "getlog",
            "killcursors",
            "endsessions",
            "serverstatus",
            "dbstats",
            "collstats",
            "getparameter",
            "getfreemonitoringstatus",
            "connectionstatus",
            "whatsmyuri",
            "hostinfo",
            "getcmdlineopts",
            "explain");

    private final MVStore store;
    private final H2Backend delegate;
    private final ReadWriteLock operations = new ReentrantReadWriteLock();
    /** Every change made while the store's current version was below this number is in the file. */
    private volatile long durableBelow;

    private DurableH2Backend(MVStore store, H2Backend delegate) {
        this.store = store;
        this.delegate = delegate;
        this.durableBelow = store.getCurrentVersion();
    }

    static DurableH2Backend open(Path file) {
        return open(file, IdIndexedBackends::h2);
    }

    /** {@code backend} (mongo-java-server's H2 backend on the store, or {@link IdIndexedBackends#h2}) made durable. */
    static DurableH2Backend open(Path file, Function<MVStore, H2Backend> backend) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        store.setRetentionTime(0);
        return new DurableH2Backend(store, backend.apply(store));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return run(message.getDocument(), () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return run(command, () -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return run("find", () -> delegate.handleQuery(query));
    }

    private <T> T run(Document command, Supplier<T> operation) {
        String name = command.isEmpty() ? "" : command.keySet().iterator().next();
        return run(name, operation);
    }

    private <T> T run(String command, Supplier<T> operation) {
        T result;
        operations.readLock().lock();
        long version;
        try {
            result = operation.get();
            version = store.getCurrentVersion(); // this operation's changes belong to this version or an older one
        } finally {
            operations.readLock().unlock();
        }
        if (!READS.contains(command.toLowerCase(Locale.ROOT))) {
            makeDurable(version);
        }
        return result;
    }

    private void makeDurable(long version) {
        if (durableBelow > version) {
            return; // another writer's commit covered this operation
        }
        operations.writeLock().lock();
        try {
            if (durableBelow <= version) {
                if (store.hasUnsavedChanges()) {
                    store.commit();
                    store.sync();
                }
                durableBelow = store.getCurrentVersion(); // a commit moved it past every stored change
            }
        } finally {
            operations.writeLock().unlock();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        run("dropDatabase", () -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }

    /** The store's version: one more with every commit. */
    long version() {
        return store.getCurrentVersion();
    }

    /** Commits what is left and closes the file (a clean stop loses nothing either way). */
    @Override
    public void close() {
        operations.writeLock().lock();
        try {
            delegate.close();
        } finally {
            operations.writeLock().unlock();
        }
    }
}
