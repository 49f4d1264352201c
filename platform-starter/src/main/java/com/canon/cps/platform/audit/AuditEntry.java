package com.canon.cps.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One operator action of the audit trail ({@code GET /admin/audit}, and on the thing it touched).
 *
 * @param auditId the entry's id
 * @param at when (the service's clock)
 * @param service the service that performed the action ({@code billing}, ...)
 * @param operatorId the operator's id ({@code operatorId} claim, else the token's subject)
 * @param operatorEmail the operator's e-mail, if the token named it
 * @param operatorName the operator's name, if the token named it
 * @param action one of {@link OperatorActions}
 * @param subjectType what the action touched: {@code CASE}, {@code INVOICE}, {@code PROJECTION}, ...
 * @param subjectId its id (case id, invoice id, projection name, dead-letter id, ...)
 * @param accountId the member account concerned, if any
 * @param details what was done, per action (see {@link OperatorActions})
 */
public record AuditEntry(
        String auditId,
        Instant at,
        String service,
        String operatorId,
        String operatorEmail,
        String operatorName,
        String action,
        String subjectType,
        String subjectId,
        String accountId,
        Map<String, Object> details) {}
