package com.canon.cps.platform.consuming;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.observability.MessageSpans;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The idempotent inbox every consuming service builds its Spring Cloud Stream consumers with. */
@AutoConfiguration(after = com.canon.cps.platform.eventstore.EventStoreAutoConfiguration.class)
public class ConsumingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public EventInbox eventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            MeterRegistry meters,
            PlatformProperties properties,
            MessageSpans spans) {
        return new EventInbox(
                jdbc, transactions, json, meters, properties.consumer().maxAttempts(), spans);
    }
}
