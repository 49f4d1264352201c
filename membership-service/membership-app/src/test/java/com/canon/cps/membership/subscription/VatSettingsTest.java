package com.canon.cps.membership.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The price preview shows what the invoice will say only while membership's VAT settings equal billing's: the rule is
 * shared (module {@code vat-treatment}), the rates are each service's configuration. This compares the two shipped
 * configurations in the repository.
 */
class VatSettingsTest {

    @Test
    void membershipsVatSettings_equalBillings() throws IOException {
        Map<String, Object> membership = cps("src/main/resources/membership-service.yml", "membership");
        Map<String, Object> billing =
                cps("../../billing-service/billing-app/src/main/resources/billing-service.yml", "billing");
        Map<?, ?> ours = (Map<?, ?>) membership.get("vat");
        Map<?, ?> theirs = (Map<?, ?>) billing.get("vat");
        assertThat(ours.get("seller-country")).isEqualTo(((Map<?, ?>) billing.get("seller")).get("country"));
        assertThat(ours.get("domestic-rate")).isEqualTo(theirs.get("domestic-rate"));
        assertThat(ours.get("uk-rate")).isEqualTo(theirs.get("uk-rate"));
        assertThat((List<?>) ours.get("eu-countries")).isEqualTo(theirs.get("eu-countries"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cps(String file, String service) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Map<String, Object> root = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) root.get("cps")).get(service);
        }
    }
}
