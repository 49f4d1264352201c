package com.canon.cps.platform.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event record that holds personal data (a name, an e-mail address, a street address, a VAT ID
 * of a sole trader, free text). The event store keeps it only encrypted with the data key of the event's
 * {@linkplain DataSubject data subject}; erasing the subject destroys that key (crypto-shredding, ADR 23), after which
 * every reader (aggregates, projections, rebuilds, the publisher) sees {@link #ERASED} in place of each string.
 *
 * <p>On a {@code String} component the value is encrypted; on a record, a list or an array every string inside it is
 * (numbers, booleans and the structure stay in clear, so a reader never meets a missing object). A record component
 * without the annotation whose type is a record with annotated components is searched as well.
 *
 * <p>{@link #scope()} names a key of its own for data that must outlive an erasure for a while (e.g. what tax law makes
 * an invoice keep for its retention period): {@link PersonalDataErasure#erase} leaves such keys alone, and
 * {@link PersonalDataErasure#eraseScope} destroys one when its time has come.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What a reader sees in place of every encrypted string once its key is gone. */
    String ERASED = "[erased]";

    /** The key's scope: empty for the subject's own key (destroyed on erasure), else a retained key's name. */
    String scope() default "";
}
