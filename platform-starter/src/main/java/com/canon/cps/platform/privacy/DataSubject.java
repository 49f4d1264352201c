package com.canon.cps.platform.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of an event record that names the data subject (the account id) whose key encrypts the event's
 * {@link PersonalData}. Without it, a component named {@code accountId} is the subject; an event with personal data
 * and neither is refused when it is stored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {}
