package com.canon.cps.portal.client;

import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** product-service: the catalogue, MY PRODUCTS and the migration (docs/api.md "product-service"). */
@Component
public class ProductApi extends ApiClient {

    ProductApi(RestClient.Builder rest, PortalSettings settings, PortalSession session) {
        super("product", Clients.rest(rest, settings.services().product(), settings), session);
    }

    public record Model(String modelCode, String name, String category, int points) {}

    public record Product(
            String productId,
            String modelCode,
            String name,
            String serialNumber,
            String purchaseDate,
            boolean purchaseDateEstimated,
            String countryOfPurchase,
            String dealer,
            boolean dealerEstimated,
            boolean complete,
            List<String> missingDetails,
            int points,
            int earnedPoints,
            boolean migrated) {}

    public record Migration(String status, int legacyProductCount, int migratedProductCount) {}

    /** The migration's result: what was copied, and what was skipped (a serial number another account holds). */
    public record Migrated(int migratedProductCount, List<Skipped> skipped) {}

    public record Skipped(String modelCode, String serialNumber, String reason) {}

    public List<Model> catalog() {
        Model[] models = getAnonymous("/api/catalog", Model[].class);
        return models == null ? List.of() : List.of(models);
    }

    public List<Product> products() {
        return get("/api/products", new ParameterizedTypeReference<List<Product>>() {});
    }

    /** OPERATOR: a member's products, as the member sees them. */
    public List<Product> productsOf(String accountId) {
        return get("/api/products?accountId={id}", new ParameterizedTypeReference<List<Product>>() {}, accountId);
    }

    public Product register(Map<String, Object> registration) {
        return send(HttpMethod.POST, "/api/products", registration, Product.class);
    }

    public Product update(String productId, Map<String, Object> details) {
        return send(HttpMethod.PATCH, "/api/products/{id}", details, Product.class, productId);
    }

    public void deregister(String productId) {
        send(HttpMethod.DELETE, "/api/products/{id}", null, Void.class, productId);
    }

    public Migration migration() {
        return get("/api/products/migration", Migration.class);
    }

    public Migrated migrate() {
        return send(HttpMethod.POST, "/api/products/migration", null, Migrated.class);
    }

    /** The answer to a legacy CSV import: new rows, rows known already, and each rejected line with its reasons. */
    public record LegacyImport(int imported, int alreadyImported, List<Rejection> rejected) {}

    public record Rejection(int line, String reason) {}

    /** BILLING or ADMIN: imports the old CPS system's CSV export of product registrations. */
    public LegacyImport importLegacy(byte[] csv) {
        return sendFile(
                "/api/products/legacy-registrations",
                csv,
                MediaType.parseMediaType("text/csv;charset=UTF-8"),
                LegacyImport.class);
    }
}
