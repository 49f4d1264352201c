package com.canon.cps.platform.web;

import com.canon.cps.platform.config.PlatformProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Problem details for every error and a cap on request bodies. Runs before Boot's MVC auto-configuration: with
 * {@code spring.mvc.problemdetails.enabled} Boot otherwise registers its own {@code ResponseEntityExceptionHandler}
 * (at order 0), which would answer validation and unreadable-body errors without our {@code errors} and titles.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PlatformProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.http().maxJsonBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
