package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One {@link RestClient} per service, with the portal's time limits. */
final class Clients {

    private Clients() {}

    static RestClient rest(RestClient.Builder builder, URI baseUrl, PortalSettings settings) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.timeout());
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
    }
}
