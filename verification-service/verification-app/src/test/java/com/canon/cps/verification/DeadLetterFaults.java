package com.canon.cps.verification;

import com.canon.cps.verification.review.domain.OpenVerificationCase;
import com.mongodb.client.result.UpdateResult;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * Faults a test switches on to make dead letters, and off again as "the fix": the consumer of
 * {@code cps.account.events} fails for chosen accounts (the command that opens their case is refused on dispatch,
 * inside the inbox transaction), and the {@code verification-cases} projection fails on every event of chosen cases
 * (the Mongo write of their view throws). Nothing fails unless a test names an account or a case, so the context
 * every integration test of the module shares behaves as without it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DeadLetterFaults {

    private final Set<String> failingAccounts = ConcurrentHashMap.newKeySet();
    private final Set<String> failingCases = ConcurrentHashMap.newKeySet();

    /** Consuming the application of {@code accountId} fails until {@link #healAll()}. */
    public void failCaseOpeningFor(String accountId) {
        failingAccounts.add(accountId);
    }

    /** Writing the view of {@code caseId} fails (for every projection) until {@link #healAll()}. */
    public void failProjectionOf(String caseId) {
        failingCases.add(caseId);
    }

    public void healAll() {
        failingAccounts.clear();
        failingCases.clear();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> caseOpeningFault() {
        return messages -> (index, command) -> {
            if (command.getPayload() instanceof OpenVerificationCase open
                    && failingAccounts.contains(open.accountId())) {
                throw new IllegalStateException("test fault: the case of " + open.accountId() + " cannot be opened");
            }
            return command;
        };
    }

    /**
     * The template every projection writes with, failing the upserts of the chosen cases' documents: the projection's
     * own handler fails, as it would on a Mongo write error.
     */
    @Bean
    MongoTemplate faultInjectingMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        return new MongoTemplate(factory, converter) {
            @Override
            public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
                Object id = query.getQueryObject().get("_id");
                if (id != null && failingCases.contains(id.toString())) {
                    throw new IllegalStateException("test fault: the view of case " + id + " cannot be written");
                }
                return super.upsert(query, update, collectionName);
            }
        };
    }
}
