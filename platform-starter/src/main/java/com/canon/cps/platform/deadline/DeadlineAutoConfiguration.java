package com.canon.cps.platform.deadline;

import com.canon.cps.platform.observability.MessageSpans;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Persistent deadlines for every service ({@code scheduled_deadline} in its PostgreSQL database). */
@AutoConfiguration(after = com.canon.cps.platform.consuming.ConsumingAutoConfiguration.class)
public class DeadlineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DeadlineScheduler deadlineScheduler(
            JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock, MessageSpans spans) {
        return new DeadlineScheduler(jdbc, transactions, json, clock, Duration.ofMillis(500), spans);
    }
}
