package com.canon.cps.platform.privacy;

import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.deadletter.DeadLetters;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link PersonalDataErasure} on the service's key store (ADR 23). */
final class JdbcPersonalDataErasure implements PersonalDataErasure {

    private static final Logger log = LoggerFactory.getLogger(JdbcPersonalDataErasure.class);
    private static final String ERASED_BY = "privacy";

    private final PersonalDataKeys keys;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<Cache> aggregateCache;
    private final ObjectProvider<DeadLetters> deadLetters;
    private final ObjectProvider<ErasureParticipant> participants;

    JdbcPersonalDataErasure(
            PersonalDataKeys keys,
            JdbcTemplate jdbc,
            ObjectProvider<Cache> aggregateCache,
            ObjectProvider<DeadLetters> deadLetters,
            ObjectProvider<ErasureParticipant> participants) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.aggregateCache = aggregateCache;
        this.deadLetters = deadLetters;
        this.participants = participants;
    }

    @Override
    public void erase(String subjectId) {
        keys.destroy(subjectId, "");
        // aggregates in memory and snapshots hold the clear values; both are made again from the (now erased) events
        aggregateCache.ifAvailable(Cache::removeAll);
        jdbc.update("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?", subjectId);
        // the operators' reasons and notes about the account; who did what and when stays (ADR 19), and so does the
        // record of the erasure itself
        jdbc.update(
                "UPDATE operator_audit SET details = '{\"erased\":true}' WHERE account_id = ? AND action <> ?",
                subjectId,
                OperatorActions.ACCOUNT_ERASED);
        int letters = deadLetters.stream()
                .mapToInt(d -> d.discardAllOf(subjectId, ERASED_BY, "the account was erased (GDPR Art. 17)"))
                .sum();
        List<ErasureParticipant> all = participants.orderedStream().toList();
        all.forEach(p -> p.erase(subjectId));
        log.info(
                "Erased subject {}: data keys destroyed, {} dead letters discarded, {} participants done",
                subjectId,
                letters,
                all.size());
    }

    @Override
    public void eraseScope(String subjectId, String scope) {
        if (scope == null || scope.isEmpty()) {
            throw new IllegalArgumentException("a named scope; erase(subjectId) destroys the subject's own key");
        }
        keys.destroy(subjectId, scope);
        aggregateCache.ifAvailable(Cache::removeAll);
        log.info("Erased key scope '{}' of subject {}", scope, subjectId);
    }

    @Override
    public boolean isErased(String subjectId) {
        return keys.isErased(subjectId, "");
    }
}
