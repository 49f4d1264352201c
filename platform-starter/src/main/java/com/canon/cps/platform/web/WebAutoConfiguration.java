package com.canon.cps.platform.web;

import com.canon.cps.platform.config.PlatformProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Problem details for every error and a cap on request bodies. Runs before Boot's MVC auto-configuration: with
 * {@code spring.mvc.problemdetails.enabled} Boot otherwise registers its own {@code ResponseEntityExceptionHandler}
 * (at order 0), which would answer validation and unreadable-body errors without our {@code errors} and titles.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    /**
     * Request bodies are taken as typed: a number or a string never becomes a boolean ({@code "authorisedToApply":
     * 12345} is not {@code true}), a number or a boolean never becomes text ({@code "companyName": 12345}), and a
     * string, a fraction or a boolean never becomes an integer; and no text may contain a NUL character. Jackson's
     * lenient defaults would accept such values silently; here they are 400s.
     */
    @Bean
    public JsonMapperBuilderCustomizer strictScalarCoercion() {
        return builder -> builder.addModule(
                        new SimpleModule("cps-strict-text").addDeserializer(String.class, new StrictText()))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            PlatformProperties properties, Environment environment) {
        DataSize multipart =
                DataSize.parse(environment.getProperty("spring.servlet.multipart.max-request-size", "1MB"));
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.http().maxJsonBodyBytes(), multipart.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
