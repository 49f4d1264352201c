package com.canon.cps.portal.session;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is signed in to this session and the tokens the portal calls the services with. Lives only in the server-side
 * session (the browser holds the session id in an {@code HttpOnly} cookie); no token ever reaches a page.
 *
 * <p>Mutable on purpose: the access token is refreshed and writes are remembered; every change is written back to
 * the session store by {@link PortalSession}.
 */
public final class SignedIn implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String email;
    private final List<String> roles;
    private String accessToken;
    private Instant accessExpiresAt;
    private String refreshToken;
    private String displayName;
    private final Map<String, Instant> lastWrites = new HashMap<>();

    public SignedIn(
            String subject,
            String email,
            List<String> roles,
            String accessToken,
            Instant accessExpiresAt,
            String refreshToken) {
        this.subject = subject;
        this.email = email;
        this.roles = List.copyOf(roles);
        this.accessToken = accessToken;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshToken = refreshToken;
        this.displayName = email;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    public List<String> roles() {
        return roles;
    }

    public boolean isOperator() {
        return roles.contains("OPERATOR");
    }

    String accessToken() {
        return accessToken;
    }

    Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    String refreshToken() {
        return refreshToken;
    }

    void tokens(String accessToken, Instant accessExpiresAt, String refreshToken) {
        this.accessToken = accessToken;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshToken = refreshToken;
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String name) {
        this.displayName = name == null || name.isBlank() ? email : name.trim();
    }

    /** Up to two letters: first and last word of the name ("Ada Lumen" -> "AL"), as the seed's "B+" avatar. */
    public String initials() {
        String[] words = displayName.replaceAll("@.*", "").trim().split("[\\s._-]+");
        String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
        String last =
                words.length > 1 && !words[words.length - 1].isEmpty() ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }

    void wrote(String service, Instant at) {
        lastWrites.put(service, at);
    }

    boolean wroteSince(Instant since) {
        return lastWrites.values().stream().anyMatch(at -> at.isAfter(since));
    }

    Instant lastWrite(String service) {
        return lastWrites.get(service);
    }
}
