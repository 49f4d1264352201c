package com.canon.cps.membership.subscription.store;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.vat.treatment.VatBuyer;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each buyer's VAT status as billing-service knows it when it invoices (table {@code vat_buyer}): country, VAT-liable
 * and VAT ID from the application, and the VAT ID a registry confirmed at verification. Written in the consumer's
 * inbox transaction; read by the price preview. An erased account's row is deleted (a VAT ID may be a sole trader's,
 * i.e. personal data): billing keeps what tax law requires on its own invoices.
 */
@Component
public class BuyerVatStatus implements ErasureParticipant {

    private final JdbcTemplate jdbc;

    BuyerVatStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void rememberApplication(String accountId, String country, boolean vatLiable, String vatId) {
        jdbc.update("""
                INSERT INTO vat_buyer (account_id, country, vat_liable, vat_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET country = EXCLUDED.country, vat_liable = EXCLUDED.vat_liable,
                    vat_id = EXCLUDED.vat_id""", accountId, country, vatLiable, vatId);
    }

    /** The registry confirmed (or, with null, did not confirm) a VAT ID when the account was verified. */
    public void rememberVerification(String accountId, String confirmedVatId) {
        jdbc.update("""
                INSERT INTO vat_buyer (account_id, confirmed_vat_id) VALUES (?, ?)
                ON CONFLICT (account_id) DO UPDATE SET confirmed_vat_id = EXCLUDED.confirmed_vat_id""", accountId, confirmedVatId);
    }

    /** The buyer as the VAT rule sees it; empty until the application is known. */
    public Optional<VatBuyer> find(String accountId) {
        return jdbc
                .query(
                        "SELECT country, vat_liable, vat_id, confirmed_vat_id FROM vat_buyer"
                                + " WHERE account_id = ? AND country IS NOT NULL",
                        (rs, i) -> new VatBuyer(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)),
                        accountId)
                .stream()
                .findFirst();
    }

    /** Forgets the account's VAT status; called by {@code PersonalDataErasure} when the account is erased. */
    @Override
    public void erase(String accountId) {
        jdbc.update("DELETE FROM vat_buyer WHERE account_id = ?", accountId);
    }
}
