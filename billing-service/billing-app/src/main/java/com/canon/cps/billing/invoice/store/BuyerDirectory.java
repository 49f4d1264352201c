package com.canon.cps.billing.invoice.store;

import com.canon.cps.billing.invoice.domain.Buyer;
import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.vat.treatment.VatBuyer;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who the buyers are, kept from account-service's application events and verification-service's decisions (written
 * in the consumer's inbox transaction). An order's invoice takes a copy of the buyer when the order arrives, so an
 * issued invoice never changes with this table. An erased account is forgotten here (its issued invoices keep their
 * own copy, ADR 24).
 */
@Component
public class BuyerDirectory implements ErasureParticipant {

    private final JdbcTemplate jdbc;

    BuyerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void rememberApplication(
            String accountId,
            String companyName,
            String line1,
            String postalCode,
            String city,
            String country,
            String language,
            boolean vatLiable,
            String vatId) {
        jdbc.update("""
                INSERT INTO buyer (account_id, company_name, line1, postal_code, city, country, language, vat_liable, vat_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET company_name = EXCLUDED.company_name, line1 = EXCLUDED.line1,
                    postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, country = EXCLUDED.country,
                    language = EXCLUDED.language, vat_liable = EXCLUDED.vat_liable, vat_id = EXCLUDED.vat_id""", accountId, companyName, line1, postalCode, city, country, language, vatLiable, vatId);
    }

    /** The registry confirmed (or did not confirm) {@code confirmedVatId} when the account was verified. */
    public void rememberVerification(String accountId, String confirmedVatId) {
        jdbc.update("""
                INSERT INTO buyer_verification (account_id, confirmed_vat_id) VALUES (?, ?)
                ON CONFLICT (account_id) DO UPDATE SET confirmed_vat_id = EXCLUDED.confirmed_vat_id""", accountId, confirmedVatId);
    }

    @Override
    public void erase(String accountId) {
        jdbc.update("DELETE FROM buyer WHERE account_id = ?", accountId);
        jdbc.update("DELETE FROM buyer_verification WHERE account_id = ?", accountId);
    }

    public Optional<Buyer> find(String accountId) {
        return jdbc
                .query(
                        """
                        SELECT b.company_name, b.line1, b.postal_code, b.city, b.country, b.language, b.vat_liable,
                               b.vat_id, v.confirmed_vat_id
                        FROM buyer b LEFT JOIN buyer_verification v ON v.account_id = b.account_id
                        WHERE b.account_id = ?""",
                        (rs, i) -> {
                            String vatId = rs.getString(8);
                            String confirmed = rs.getString(9);
                            return new Buyer(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getBoolean(7),
                                    vatId,
                                    new VatBuyer(rs.getString(5), rs.getBoolean(7), vatId, confirmed).vatIdConfirmed());
                        },
                        accountId)
                .stream()
                .findFirst();
    }
}
