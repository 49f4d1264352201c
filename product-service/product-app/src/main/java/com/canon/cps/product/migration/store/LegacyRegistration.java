package com.canon.cps.product.migration.store;

import com.canon.cps.platform.hashing.Sha256;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One registration of the old CPS system, validated and normalised (e-mail lower case, model code upper case,
 * country upper case, blanks as absent).
 *
 * @param serialNumber as exported (trimmed); compared in its normalised form
 */
public record LegacyRegistration(
        String legacyEmail,
        String modelCode,
        String serialNumber,
        LocalDate purchaseDate,
        String countryOfPurchase,
        String dealer) {

    /**
     * Fingerprint of the line's content: importing a line again with the same content is recognised as a repeat (and
     * changes nothing), the same registration with other content as a conflict.
     */
    public String contentHash() {
        String canonical = Stream.of(legacyEmail, modelCode, serialNumber, purchaseDate, countryOfPurchase, dealer)
                .map(v -> Objects.toString(v, ""))
                .collect(Collectors.joining("\u001f"));
        return Sha256.hex(canonical);
    }
}
