package com.canon.cps.portal.session;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.AuthApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.config.PortalSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in person of the current request's session, and the access token the services are called with.
 *
 * <p>The access token lives 15 minutes, the session longer: shortly before it expires the token is refreshed with the
 * rotating refresh token. Two requests of one session that need a refresh at the same moment must not both present
 * the same refresh token (account-service would take the second as theft and end the session), so the answer to a
 * refresh is kept for a minute and handed to whoever comes with the same old token (ADR 17).
 */
@Component
public class PortalSession {

    static final String ATTRIBUTE = "cps.signedIn";
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    private static final Duration KEEP_REFRESHED = Duration.ofMinutes(1);

    private final AuthApi auth;
    private final PortalSettings settings;
    private final Map<String, Refreshed> refreshed = new ConcurrentHashMap<>();

    private record Refreshed(AuthApi.Tokens tokens, Instant at) {}

    public PortalSession(AuthApi auth, PortalSettings settings) {
        this.auth = auth;
        this.settings = settings;
    }

    public Optional<SignedIn> current() {
        HttpSession session = request().getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(ATTRIBUTE));
    }

    /** The current session's id (a sign-in gets a new one). */
    public String id() {
        return request().getSession().getId();
    }

    /** Stores a fresh sign-in in a new session id (no session fixation). */
    public void signIn(HttpServletRequest request, SignedIn who) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, who);
    }

    /** Ends the sign-in: its refresh token family is revoked at account-service; the session is invalidated. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        SignedIn who = (SignedIn) session.getAttribute(ATTRIBUTE);
        if (who != null) {
            try {
                auth.logout(who.refreshToken());
            } catch (ServiceUnavailable | ApiProblem e) {
                // the refresh token still expires on its own; the session ends here in any case
            }
        }
        session.invalidate();
    }

    /**
     * The request attribute holding a caller's own bearer token, for the portal's one JSON endpoint that composes
     * several services' reads for a client with a token instead of a session ({@code GET /api/accounts/me/export}).
     */
    public static final String BEARER = PortalSession.class.getName() + ".bearer";

    /** The access token for a service call, refreshed first when it is about to expire. */
    public String accessToken() {
        if (request().getAttribute(BEARER) instanceof String bearer) {
            return bearer;
        }
        SignedIn who = current().orElseThrow(() -> new SessionEnded("not signed in"));
        if (Instant.now().isAfter(who.accessExpiresAt().minus(REFRESH_AHEAD))) {
            refresh(who);
        }
        return who.accessToken();
    }

    private void refresh(SignedIn who) {
        String old = who.refreshToken();
        Instant now = Instant.now();
        refreshed.values().removeIf(r -> r.at().isBefore(now.minus(KEEP_REFRESHED)));
        Refreshed answer;
        synchronized (refreshed) {
            answer = refreshed.get(old);
            if (answer == null) {
                try {
                    answer = new Refreshed(auth.refresh(old), now);
                } catch (ApiProblem refused) {
                    throw new SessionEnded("refresh refused: " + refused.status());
                }
                refreshed.put(old, answer);
            }
        }
        AuthApi.Tokens tokens = answer.tokens();
        who.tokens(tokens.accessToken(), answer.at().plusSeconds(tokens.expiresIn()), tokens.refreshToken());
        save(who);
    }

    /** This session's refresh token: a password change keeps this session and ends every other one. */
    public String refreshToken() {
        return current().map(SignedIn::refreshToken).orElse(null);
    }

    /** A write to {@code service} succeeded: this session's next reads of it wait for its projections. */
    public void wrote(String service) {
        current().ifPresent(who -> {
            who.wrote(service, Instant.now());
            save(who);
        });
    }

    public boolean readsAfterWrite(String service) {
        return current()
                .map(who -> who.lastWrite(service))
                .map(at -> at.isAfter(Instant.now().minus(settings.readYourWritesWindow())))
                .orElse(false);
    }

    /** Whether this session wrote to any service within the read-your-writes window. */
    public boolean wroteLately() {
        Instant since = Instant.now().minus(settings.readYourWritesWindow());
        return current().map(who -> who.wroteSince(since)).orElse(false);
    }

    /** A service refused the token (revoked, or its key rotated): the sign-in is over. */
    public void rejectedByService(String service) {
        HttpSession session = request().getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) != null) {
            session.removeAttribute(ATTRIBUTE);
            throw new SessionEnded(service + " refused the token");
        }
    }

    public void save(SignedIn who) {
        HttpSession session = request().getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, who); // marks the attribute changed for the session store
        }
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
