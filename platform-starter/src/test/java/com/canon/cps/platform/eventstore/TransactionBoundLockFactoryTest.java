package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.lock.Lock;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class TransactionBoundLockFactoryTest {

    private final Cache cache = new WeakReferenceCache();
    private final TransactionBoundLockFactory locks = new TransactionBoundLockFactory(cache);

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void withoutATransaction_theLockIsReleasedAtOnce() throws Exception {
        locks.obtainLock("a").release();

        assertThat(obtainedElsewhere("a")).isTrue();
    }

    @Test
    void insideACallersTransaction_theLockIsHeldUntilItCommits() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        Object aggregate = new Object();
        cache.put("a", aggregate);

        // the command's unit of work ends (Axon releases the lock), the caller's transaction has not committed yet
        locks.obtainLock("a").release();
        assertThat(obtainedElsewhere("a"))
                .as("the next command for the aggregate waits")
                .isFalse();
        assertThat(obtainedElsewhere("b")).as("other aggregates do not").isTrue();

        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(obtainedElsewhere("a")).isTrue();
        assertThat((Object) cache.get("a"))
                .as("committed: the cached aggregate is right")
                .isSameAs(aggregate);
    }

    @Test
    void aRolledBackCallersTransaction_evictsTheAggregateFromTheCache_thenReleasesTheLock() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("a", new Object());

        locks.obtainLock("a").release();
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat((Object) cache.get("a"))
                .as("its events were never committed: the next command loads the aggregate again")
                .isNull();
        assertThat(obtainedElsewhere("a")).isTrue();
    }

    @Test
    void reentrantHoldsInOneTransaction_areAllReleasedAtItsEnd() throws Exception {
        TransactionSynchronizationManager.initSynchronization();

        Lock first = locks.obtainLock("a");
        Lock second = locks.obtainLock("a");
        second.release();
        first.release();
        assertThat(first.isHeld()).isTrue();
        assertThat(obtainedElsewhere("a")).isFalse();

        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(obtainedElsewhere("a")).isTrue();
    }

    @Test
    void everyAggregateWithoutALockFactoryOfItsOwn_getsOneBoundToTransactions_withItsCache() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition(
                "orderAggregateConfigurer",
                BeanDefinitionBuilder.genericBeanDefinition(SpringAggregateConfigurer.class)
                        .addConstructorArgValue(Object.class)
                        .addConstructorArgValue(java.util.Set.of())
                        .addPropertyValue("cache", "aggregateCache")
                        .getBeanDefinition());
        beans.registerBeanDefinition(
                "invoiceAggregateConfigurer",
                BeanDefinitionBuilder.genericBeanDefinition(SpringAggregateConfigurer.class)
                        .addConstructorArgValue(Object.class)
                        .addConstructorArgValue(java.util.Set.of())
                        .addPropertyValue("lockFactory", "ownLockFactory")
                        .getBeanDefinition());

        new TransactionBoundAggregateLocks().postProcessBeanFactory(beans);

        String name = "orderAggregateConfigurer" + TransactionBoundAggregateLocks.SUFFIX;
        assertThat(beans.getBeanDefinition("orderAggregateConfigurer")
                        .getPropertyValues()
                        .get("lockFactory"))
                .isEqualTo(name);
        BeanDefinition lockFactory = beans.getBeanDefinition(name);
        assertThat(lockFactory.getBeanClassName()).isEqualTo(TransactionBoundLockFactory.class.getName());
        assertThat(lockFactory
                        .getConstructorArgumentValues()
                        .getIndexedArgumentValue(0, null)
                        .getValue())
                .isEqualTo(new RuntimeBeanReference("aggregateCache"));
        assertThat(beans.getBeanDefinition("invoiceAggregateConfigurer")
                        .getPropertyValues()
                        .get("lockFactory"))
                .isEqualTo("ownLockFactory");
        assertThat(List.of(beans.getBeanDefinitionNames())).noneMatch(n -> n.startsWith("invoiceAggregateConfigurer."));
    }

    /** What Spring does when the caller's transaction ends. */
    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }

    /** Whether another thread obtains the lock within a moment (it releases it again at once). */
    private boolean obtainedElsewhere(String identifier) throws Exception {
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
            locks.obtainLock(identifier).release();
            return true;
        });
        try {
            return other.get(300, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            return false;
        }
    }
}
