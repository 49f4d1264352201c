package com.canon.cps.sample.card.web;

import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.sample.card.query.CardQueries;
import com.canon.cps.sample.card.query.CardView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The member's own card. */
@RestController
class CardController {

    private final CardQueries queries;

    CardController(CardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/card")
    CardResponse card(@AuthenticationPrincipal Jwt jwt) {
        CardView card = queries.byAccount(CurrentMember.accountId(jwt))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no card"));
        return new CardResponse(card.accountId(), card.status(), card.country(), card.points(), card.cardNumber());
    }

    record CardResponse(String accountId, String status, String country, Integer points, String cardNumber) {}
}
