package com.canon.cps.verification.vatid;

import com.canon.cps.verification.vat.VatIdCheck;
import com.canon.cps.verification.vat.VatIdValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/verification/vat-ids/{vatId}}: the offline format and check-digit check, no registry call. */
@RestController
class VatIdController {

    private final VatIdValidator validator = new VatIdValidator();

    @GetMapping("/api/verification/vat-ids/{vatId}")
    VatIdCheck check(@PathVariable String vatId) {
        return validator.check(vatId.length() > 64 ? vatId.substring(0, 64) : vatId);
    }
}
