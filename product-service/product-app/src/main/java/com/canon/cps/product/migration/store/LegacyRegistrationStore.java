package com.canon.cps.product.migration.store;

import com.canon.cps.product.registration.domain.SerialNumbers;
import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The imported export of the old CPS system ({@code legacy_registration} in PostgreSQL: imported data, not a
 * projection, so it lives with the event store). One row per old e-mail, model and normalised serial number.
 */
@Component
public class LegacyRegistrationStore {

    /** What storing one line did. */
    enum Stored {
        IMPORTED,
        /** The same line was imported before: nothing changed. */
        ALREADY_IMPORTED,
        /** The registration was imported before with other details; the first import stands. */
        CONFLICT
    }

    private final JdbcTemplate jdbc;

    LegacyRegistrationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Stored store(LegacyRegistration r) {
        String hash = r.contentHash();
        int inserted = jdbc.update(
                """
                INSERT INTO legacy_registration (legacy_email, model_code, serial_key, serial_number, purchase_date,
                    country_of_purchase, dealer, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                r.legacyEmail(),
                r.modelCode(),
                SerialNumbers.normalise(r.serialNumber()),
                r.serialNumber(),
                r.purchaseDate() == null ? null : Date.valueOf(r.purchaseDate()),
                r.countryOfPurchase(),
                r.dealer(),
                hash);
        if (inserted == 1) {
            return Stored.IMPORTED;
        }
        String existing = jdbc.queryForObject(
                "SELECT content_hash FROM legacy_registration WHERE legacy_email = ? AND model_code = ? AND serial_key = ?",
                String.class,
                r.legacyEmail(),
                r.modelCode(),
                SerialNumbers.normalise(r.serialNumber()));
        return hash.equals(existing) ? Stored.ALREADY_IMPORTED : Stored.CONFLICT;
    }

    /** The old system's registrations of {@code legacyEmail}, in import order. */
    public List<LegacyRegistration> forEmail(String legacyEmail) {
        return jdbc.query(
                """
                SELECT legacy_email, model_code, serial_number, purchase_date, country_of_purchase, dealer
                FROM legacy_registration WHERE legacy_email = ? ORDER BY imported_seq""",
                (rs, i) -> new LegacyRegistration(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getString(5),
                        rs.getString(6)),
                legacyEmail);
    }

    public int countForEmail(String legacyEmail) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM legacy_registration WHERE legacy_email = ?", Integer.class, legacyEmail);
        return count == null ? 0 : count;
    }

    /**
     * Deletes the old system's registrations of {@code legacyEmail}: its owner's account was erased (GDPR Art. 17). Only
     * for an e-mail its owner proved, so nobody erases another business's old registrations by typing its address.
     */
    public void forgetEmail(String legacyEmail) {
        jdbc.update("DELETE FROM legacy_registration WHERE legacy_email = ?", legacyEmail);
    }
}
