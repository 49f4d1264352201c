package com.canon.cps.account.auth.store;

import com.canon.cps.account.config.AccountSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: failures are counted per e-mail and source pair and per source address in PostgreSQL
 * (so every instance sees them); past the limit, attempts of that pair or source are refused before any password is
 * checked, for a lockout that doubles with each further failure. The e-mail alone is never locked: someone guessing
 * from elsewhere cannot lock the owner out (issue 16, finding 5). Time is the wall clock, never the business clock
 * that {@code /dev/clock} moves. A successful login clears the pair's count, not the source's.
 */
@Component
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final AccountSettings.Login settings;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, AccountSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings.login();
        this.clock = Clock.systemUTC(); // the wall clock: the business clock can be moved (/dev/clock)
    }

    /** How long attempts for this e-mail from this source, or from this source at all, are still refused, if they are. */
    public Optional<Duration> lockedFor(String email, String source) {
        Instant now = clock.instant();
        List<Timestamp> until = jdbc.queryForList(
                "SELECT locked_until FROM login_throttle WHERE throttle_key IN (?, ?) AND locked_until > ?"
                        + " ORDER BY locked_until DESC LIMIT 1",
                Timestamp.class,
                pairKey(email, source),
                sourceKey(source),
                Timestamp.from(now));
        return until.stream().findFirst().map(t -> Duration.between(now, t.toInstant()));
    }

    public void failed(String email, String source) {
        count(pairKey(email, source), settings.maxFailuresPerAccount());
        count(sourceKey(source), settings.maxFailuresPerSource());
    }

    public void succeeded(String email, String source) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", pairKey(email, source));
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(settings.window()));
        Integer failures = jdbc.queryForObject("""
                INSERT INTO login_throttle (throttle_key, failures, window_started_at) VALUES (?, 1, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN login_throttle.window_started_at < ? THEN 1 ELSE login_throttle.failures + 1 END,
                    window_started_at = CASE WHEN login_throttle.window_started_at < ?
                        THEN EXCLUDED.window_started_at ELSE login_throttle.window_started_at END
                RETURNING failures""", Integer.class, key, Timestamp.from(now), windowStart, windowStart);
        if (failures >= limit) {
            int doublings = Math.min(failures - limit, 20);
            Duration lockout = settings.lockout().multipliedBy(1L << doublings);
            if (lockout.compareTo(settings.maxLockout()) > 0) {
                lockout = settings.maxLockout();
            }
            jdbc.update(
                    "UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ?",
                    Timestamp.from(now.plus(lockout)),
                    key);
        }
    }

    private static String pairKey(String email, String source) {
        return "pair:" + source + "|" + email;
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
