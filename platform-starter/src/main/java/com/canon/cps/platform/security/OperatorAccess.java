package com.canon.cps.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may call an operator endpoint, in one place for every service (ADR 19). Every operator token carries the role
 * {@code OPERATOR} and one or more of {@link OperatorRole} in its {@code roles} claim; a member's token carries
 * {@code MEMBER} only and is refused (403) by each of these. Put one annotation on the controller class or method:
 *
 * <ul>
 *   <li>{@link AnyOperator}: reading (queue, projections' status, dead-letter lists, members, audit trails);
 *   <li>{@link Reviewer}: verification decisions, the queue's documents ({@code REVIEWER} or {@code ADMIN});
 *   <li>{@link Billing}: bank statements, marking paid, credit notes, the legacy CSV import ({@code BILLING} or
 *       {@code ADMIN});
 *   <li>{@link Admin}: rebuilds, dead-letter re-drives and discards, operator accounts ({@code ADMIN} only).
 * </ul>
 *
 * The string constants are the same rules as {@code @PreAuthorize} expressions, for the rare place that needs one.
 */
public final class OperatorAccess {

    /** Any operator, whatever its specific roles. */
    public static final String ANY_OPERATOR = "hasRole('OPERATOR')";

    /** A reviewer of verification cases. */
    public static final String REVIEWER = "hasRole('OPERATOR') and hasAnyRole('REVIEWER', 'ADMIN')";

    /** A billing operator. */
    public static final String BILLING = "hasRole('OPERATOR') and hasAnyRole('BILLING', 'ADMIN')";

    /** An administrator. */
    public static final String ADMIN = "hasRole('OPERATOR') and hasRole('ADMIN')";

    private OperatorAccess() {}

    /** Any operator ({@link #ANY_OPERATOR}). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize(ANY_OPERATOR)
    public @interface AnyOperator {}

    /** {@code REVIEWER} or {@code ADMIN} ({@link #REVIEWER}). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize(REVIEWER)
    public @interface Reviewer {}

    /** {@code BILLING} or {@code ADMIN} ({@link #BILLING}). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize(BILLING)
    public @interface Billing {}

    /** {@code ADMIN} only ({@link #ADMIN}). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize(ADMIN)
    public @interface Admin {}
}
