package com.canon.cps.verification.registry;

import com.canon.cps.verification.config.RegistrySettings;
import java.util.Optional;
import java.util.Set;

/** The registries we consult, and which one answers for which VAT ID. */
public enum Registry {
    /** The EU's VAT Information Exchange System: the 27 member states and Northern Ireland ({@code XI}). */
    VIES,
    /** HM Revenue & Customs, "Check a UK VAT number": Great Britain ({@code GB}). */
    HMRC,
    /** The Swiss UID register ({@code CHE...}). */
    UID,
    /** Brønnøysundregistrene, the Norwegian register of legal entities ({@code NO...MVA}). */
    BRREG;

    /** This registry's adapter setting: {@value RegistrySettings#SIMULATOR} or {@value RegistrySettings#LIVE}. */
    public String adapterIn(RegistrySettings settings) {
        return switch (this) {
            case VIES -> settings.vies().adapter();
            case HMRC -> settings.hmrc().adapter();
            case UID -> settings.uid().adapter();
            case BRREG -> settings.brreg().adapter();
        };
    }

    private static final Set<String> VIES_PREFIXES = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    /** The registry for a normalised VAT ID, by its prefix; empty for a prefix no registry serves. */
    public static Optional<Registry> forVatId(String vatId) {
        if (vatId == null || vatId.length() < 2) {
            return Optional.empty();
        }
        String prefix = vatId.substring(0, 2);
        if (VIES_PREFIXES.contains(prefix)) {
            return Optional.of(VIES);
        }
        return switch (prefix) {
            case "GB" -> Optional.of(HMRC);
            case "CH" -> Optional.of(UID);
            case "NO" -> Optional.of(BRREG);
            default -> Optional.empty();
        };
    }
}
