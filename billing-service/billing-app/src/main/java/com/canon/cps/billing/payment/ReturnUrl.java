package com.canon.cps.billing.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the hosted card form sends the browser back: an absolute {@code http} or {@code https} URL with a host and no
 * user info, of at most {@value #MAX_LENGTH} characters. It is only ever used as a redirect target (and as the cancel
 * link): the form never fetches it. Shared by the simulator's card form and Stripe's card step.
 */
public record ReturnUrl(URI uri) {

    static final int MAX_LENGTH = 2048;

    public static Optional<ReturnUrl> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Optional.of(new ReturnUrl(uri));
    }

    /**
     * This URL with {@code parameters} appended to its query (form-encoded, in order; {@code null} values left out),
     * its fragment kept at the end.
     */
    public String with(Map<String, String> parameters) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        String head = hash < 0 ? text : text.substring(0, hash);
        String fragment = hash < 0 ? "" : text.substring(hash);
        StringBuilder url = new StringBuilder(head);
        char separator = head.indexOf('?') < 0 ? '?' : (head.endsWith("?") || head.endsWith("&") ? 0 : '&');
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            if (separator != 0) {
                url.append(separator);
            }
            url.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.append(fragment).toString();
    }

    /** {@code with} for two parameters. */
    public String with(String name, String value, String name2, String value2) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(name, value);
        parameters.put(name2, value2);
        return with(parameters);
    }

    /** The origin ({@code scheme://host[:port]}), for the page's Content-Security-Policy {@code form-action}. */
    String origin() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }
}
