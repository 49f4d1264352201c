package com.canon.cps.product.registration.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One registration as "My Products" shows it. {@code complete} and {@code missingDetails} as stored describe the
 * purchase details; {@link #isComplete} and {@link #allMissingDetails} add the serial number, which may come later. The purchase date is stored as ISO text: Spring Data would store a
 * {@code LocalDate} as a timestamp in the JVM's zone, which shifts the day between differently configured instances.
 * Every list is read by account: without the index each read would scan all registrations.
 */
@Document(ProductRegistrationView.COLLECTION)
public record ProductRegistrationView(
        @Id String productId,
        @Indexed(name = "by_account") String accountId,
        String modelCode,
        String name,
        String category,
        String serialNumber,
        String purchaseDate,
        boolean purchaseDateEstimated,
        String countryOfPurchase,
        String dealer,
        boolean dealerEstimated,
        boolean complete,
        List<String> missingDetails,
        int points,
        boolean migrated,
        Instant registeredAt,
        boolean deregistered) {

    public static final String COLLECTION = "product_registrations";

    /** The green tick: a serial number and complete purchase details. */
    public boolean isComplete() {
        return serialNumber != null && complete;
    }

    /** What the registration still needs: the serial number first, then what the purchase details lack. */
    public List<String> allMissingDetails() {
        List<String> missing = new ArrayList<>();
        if (serialNumber == null) {
            missing.add("SERIAL_NUMBER");
        }
        if (missingDetails != null) {
            missingDetails.stream().filter(d -> !d.equals("SERIAL_NUMBER")).forEach(missing::add);
        }
        return List.copyOf(missing);
    }
}
