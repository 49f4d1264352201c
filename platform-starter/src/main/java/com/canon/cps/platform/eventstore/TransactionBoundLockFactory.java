package com.canon.cps.platform.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock of an aggregate, held until the transaction that holds its new events has ended.
 *
 * <p>Axon releases an aggregate's lock when the command's unit of work ends. When the command runs inside a
 * transaction of its caller (the inbox of a consumer, a service method with its own rows), the unit of work only
 * joins that transaction and ends before it commits. With the plain lock, the next command for the same aggregate
 * could start then, take the aggregate from the cache (where the uncommitted events are already applied), append the
 * next sequence numbers and commit first. The event table then holds the aggregate's events in an order their commits
 * contradict: a reader in global-index order (a projection's live processor, a rebuild) meets the later event first
 * and the earlier one, committed late, afterwards, and the projection's sequence guard refuses it (a field lost for
 * good). And had the caller's transaction rolled back, the next command would have built on events that never
 * existed.
 *
 * <p>This lock is released when the transaction the command ran in completes (at once when there is none, or when
 * Axon's own unit of work owned it, which has committed by then); after a rollback the aggregate is also evicted from
 * its cache. So the events of one aggregate commit in the order of their sequence numbers, in this instance; between
 * instances the unique (aggregate, sequence number) index already makes a second writer wait for the first one's
 * commit and fail, and the command is dispatched again ({@link ConcurrencyRetry}).
 */
public final class TransactionBoundLockFactory implements LockFactory {

    private final LockFactory delegate;
    private final Cache cache;

    /** @param cache the aggregate's cache, or null */
    public TransactionBoundLockFactory(Cache cache) {
        this(PessimisticLockFactory.usingDefaults(), cache);
    }

    TransactionBoundLockFactory(LockFactory delegate, Cache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Lock obtainLock(String identifier) {
        return new TransactionBoundLock(identifier, delegate.obtainLock(identifier));
    }

    private final class TransactionBoundLock implements Lock {
        private final String identifier;
        private final Lock lock;

        private TransactionBoundLock(String identifier, Lock lock) {
            this.identifier = identifier;
            this.lock = lock;
        }

        @Override
        public void release() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                lock.release();
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        if (status != STATUS_COMMITTED && cache != null) {
                            cache.remove(identifier);
                        }
                    } finally {
                        lock.release();
                    }
                }
            });
        }

        @Override
        public boolean isHeld() {
            return lock.isHeld();
        }
    }
}
