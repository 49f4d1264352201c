package com.canon.cps.verification.vatid;

import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.vat.VatIdCheck;
import com.canon.cps.verification.vat.VatIdValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The offline format and check-digit check, no registry call: {@code GET /api/verification/vat-ids/{vatId}} and, for
 * IDs as people type them (spaces, dots, slashes: {@code CZ 640229/4448}), {@code GET /api/verification/vat-ids?vatId=}.
 * Both answer the same; an invalid ID is a 200 with {@code valid: false} and the reason, a missing one a 400 problem.
 */
@RestController
class VatIdController {

    private static final int MAX_INPUT_LENGTH = 64;

    private final VatIdValidator validator = new VatIdValidator();

    @GetMapping("/api/verification/vat-ids/{vatId}")
    VatIdCheck check(@PathVariable String vatId) {
        return checked(vatId);
    }

    @GetMapping("/api/verification/vat-ids")
    VatIdCheck checkQuery(@RequestParam(required = false) String vatId) {
        if (vatId == null || vatId.isBlank()) {
            throw ApiProblem.invalid("vatId", "is required, e.g. ?vatId=CZ%20640229%2F4448");
        }
        return checked(vatId);
    }

    private VatIdCheck checked(String vatId) {
        return validator.check(vatId.length() > MAX_INPUT_LENGTH ? vatId.substring(0, MAX_INPUT_LENGTH) : vatId);
    }
}
