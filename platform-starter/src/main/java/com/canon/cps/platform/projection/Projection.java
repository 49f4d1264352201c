package com.canon.cps.platform.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler bean as a projection: its processing group ({@code @ProcessingGroup}) names the projection,
 * and {@link #value()} lists the {@code @Document} views it writes (through {@link ProjectionWriter}) and no other
 * code writes. Only projections can be rebuilt from the event store ({@code POST /admin/projections/{name}/rebuild}):
 * a rebuild invokes exactly the handlers of the beans carrying this annotation, never policies or the publisher.
 *
 * <p>Each view is stored in one physical collection per version of the projection: version 1 is the
 * {@code @Document} collection itself, version {@code n > 1} is {@code <collection>_v<n>}. Reads resolve the active
 * one through {@link Projections#collection(Class)}; indexes declared on the view ({@code @Indexed},
 * {@code @CompoundIndex}) are created on every version.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Projection {

    /** The views (classes annotated with {@code @Document}) this projection writes. */
    Class<?>[] value();
}
