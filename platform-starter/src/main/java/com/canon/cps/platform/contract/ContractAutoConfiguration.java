package com.canon.cps.platform.contract;

import com.canon.cps.platform.security.PublicEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/** The published contract on the web: {@code GET /asyncapi.yaml}, public. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ContractAutoConfiguration {

    @Bean
    public AsyncApiController asyncApiController(Environment environment, ResourceLoader resources) {
        // without cps.service (a test context, say) there is no document to find: 404
        return new AsyncApiController(environment.getProperty("cps.service", "unnamed"), resources.getClassLoader());
    }

    @Bean
    public PublicEndpoints asyncApiPublicEndpoints() {
        return PublicEndpoints.of("GET " + AsyncApiController.PATH);
    }
}
