package com.canon.cps.platform.audit;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.consuming.ConsumingAutoConfiguration;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The operators' audit trail in every service: {@link OperatorAudit} and {@code GET /admin/audit}. */
@AutoConfiguration(after = {EventStoreAutoConfiguration.class, ConsumingAutoConfiguration.class})
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OperatorAudit operatorAudit(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            PlatformProperties properties) {
        return new OperatorAudit(jdbc, transactions, json, clock, properties.service());
    }

    @Bean
    public OperatorAuditController operatorAuditController(OperatorAudit audit) {
        return new OperatorAuditController(audit);
    }
}
