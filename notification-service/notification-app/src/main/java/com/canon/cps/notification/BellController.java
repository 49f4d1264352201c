package com.canon.cps.notification;

import com.canon.cps.platform.security.AccountToRead;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The notification bell of the signed-in member. */
@RestController
class BellController {

    record BellEntry(String id, String type, String title, Instant createdAt, boolean read) {}

    private final JdbcTemplate jdbc;

    BellController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The member's bell, newest first; any operator (ADR 19) reads what was sent to a member with {@code ?accountId=}
     * (the same answer, empty for an unknown account; nothing is marked read). A member naming an {@code accountId}
     * gets 403, an operator without one 400.
     */
    @GetMapping("/api/notifications")
    List<BellEntry> entries(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(name = AccountToRead.PARAMETER, required = false) String accountId) {
        return jdbc.query(
                "SELECT entry_id, kind, title, created_at, read FROM bell_entry WHERE account_id = ?"
                        + " ORDER BY created_at DESC, entry_id LIMIT 200",
                (rs, i) -> new BellEntry(
                        rs.getString(1),
                        rs.getString(2).toUpperCase(Locale.ROOT).replace('-', '_'),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)),
                AccountToRead.of(jwt, accountId));
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID entryId;
        try {
            entryId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("No notification " + id);
        }
        int updated = jdbc.update(
                "UPDATE bell_entry SET read = TRUE WHERE entry_id = ? AND account_id = ?",
                entryId,
                CurrentMember.accountId(jwt));
        if (updated == 0) {
            throw ApiProblem.notFound("No notification " + id);
        }
    }
}
