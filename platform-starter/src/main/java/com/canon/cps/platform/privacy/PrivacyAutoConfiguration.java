package com.canon.cps.platform.privacy;

import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.deadletter.DeadLetters;
import com.canon.cps.platform.sealing.SealedSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Crypto-shredding for every service (ADR 23): the event serializer encrypts {@link PersonalData}, the key store on the
 * service's database, {@link PersonalDataErasure}, the scheduled rewrap after a master-key rotation, and the key
 * backup endpoints.
 *
 * <p>Settings: {@code cps.privacy.master-keys} (env {@code CPS_PRIVACY_MASTER_KEYS}, required: comma-separated Base64
 * 32-byte keys, the first wraps new keys, every one unwraps), {@code cps.privacy.data-key-rotation} (P90D),
 * {@code cps.privacy.key-cache-ttl} (PT1M), {@code cps.privacy.rewrap-interval} (PT1H).
 */
@AutoConfiguration(
        afterName = "com.canon.cps.platform.eventstore.EventStoreAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class PrivacyAutoConfiguration {

    static final String MASTER_KEYS = "cps.privacy.master-keys (env CPS_PRIVACY_MASTER_KEYS)";

    /** Wraps Axon's event serializer once it exists; the key store is looked up on first use. */
    @Bean
    static BeanPostProcessor cryptoShreddingEventSerializer(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if ("eventSerializer".equals(name)
                        && bean instanceof Serializer serializer
                        && !(bean instanceof CryptoShreddingSerializer)) {
                    return new CryptoShreddingSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }

    @Bean
    PersonalDataKeys personalDataKeys(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${cps.privacy.master-keys:}") String masterKeys,
            @Value("${cps.privacy.data-key-rotation:P90D}") Duration rotation,
            @Value("${cps.privacy.key-cache-ttl:PT1M}") Duration cacheTtl) {
        if (masterKeys == null || masterKeys.isBlank()) {
            throw new IllegalStateException(MASTER_KEYS + " is not set: the personal data in this service's events is"
                    + " encrypted with data keys wrapped by it (ADR 23); give it a Base64 32-byte key, e.g. from"
                    + " `openssl rand -base64 32`, and keep it apart from the database's backups");
        }
        return new PersonalDataKeys(
                new JdbcTemplate(dataSource),
                transactions,
                SealedSecrets.fromSetting(MASTER_KEYS, masterKeys),
                clock,
                rotation,
                cacheTtl);
    }

    @Bean
    PersonalDataErasure personalDataErasure(
            PersonalDataKeys keys,
            DataSource dataSource,
            ObjectProvider<Cache> aggregateCache,
            ObjectProvider<DeadLetters> deadLetters,
            ObjectProvider<ErasureParticipant> participants) {
        return new JdbcPersonalDataErasure(
                keys, new JdbcTemplate(dataSource), aggregateCache, deadLetters, participants);
    }

    @Bean
    PersonalDataKeyController personalDataKeyController(
            PersonalDataKeys keys, OperatorAudit audit, Clock clock, PlatformProperties platform) {
        return new PersonalDataKeyController(keys, audit, clock, platform.service());
    }

    /** Rewraps the data keys with the current master key at start and then every {@code cps.privacy.rewrap-interval}. */
    @Bean
    SmartLifecycle dataKeyRewrap(PersonalDataKeys keys, @Value("${cps.privacy.rewrap-interval:PT1H}") Duration every) {
        return new SmartLifecycle() {
            private final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
            private ScheduledExecutorService timer;

            @Override
            public synchronized void start() {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "data-key-rewrap");
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleWithFixedDelay(
                        () -> {
                            try {
                                keys.rewrap();
                            } catch (RuntimeException e) {
                                log.warn("Rewrapping the data keys failed; next try in {}: {}", every, e.toString());
                            }
                        },
                        10_000,
                        every.toMillis(),
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                if (timer != null) {
                    timer.shutdownNow();
                    timer = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return timer != null;
            }
        };
    }
}
