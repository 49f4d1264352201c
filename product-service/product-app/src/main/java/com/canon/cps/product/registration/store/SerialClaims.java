package com.canon.cps.product.registration.store;

import com.canon.cps.product.registration.domain.SerialNumbers;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The set of claimed serial numbers ({@code product_serial_claim}, primary key = model + normalised serial). A claim
 * must be written in the same transaction as the registration's events: PostgreSQL then lets exactly one of two
 * concurrent claims commit (the second waits for the first and finds the key taken), and a registration that fails
 * leaves no claim behind.
 */
@Component
public class SerialClaims {

    private final JdbcTemplate jdbc;

    SerialClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code serial} of {@code modelCode} for the product; false if any registration holds it already. Uses
     * {@code ON CONFLICT DO NOTHING} rather than catching a duplicate key, which would abort the whole transaction.
     */
    public boolean claim(String modelCode, String serial, String productId, String accountId) {
        return jdbc.update(
                        "INSERT INTO product_serial_claim (model_code, serial_key, product_id, account_id)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        modelCode,
                        SerialNumbers.normalise(serial),
                        productId,
                        accountId)
                == 1;
    }

    /** Whether the product holds a claim (it was registered with, or has since been given, its serial number). */
    public boolean holds(String productId) {
        return jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM product_serial_claim WHERE product_id = ?)", Boolean.class, productId);
    }

    /** The account holding the claim, if any. */
    public Optional<String> holder(String modelCode, String serial) {
        List<String> holders = jdbc.queryForList(
                "SELECT account_id FROM product_serial_claim WHERE model_code = ? AND serial_key = ?",
                String.class,
                modelCode,
                SerialNumbers.normalise(serial));
        return holders.stream().findFirst();
    }

    /** Frees the serial number of a deregistered product. */
    public void release(String productId) {
        jdbc.update("DELETE FROM product_serial_claim WHERE product_id = ?", productId);
    }
}
