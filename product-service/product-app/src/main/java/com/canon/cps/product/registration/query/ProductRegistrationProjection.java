package com.canon.cps.product.registration.query;

import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import com.canon.cps.product.registration.domain.MissingDetail;
import com.canon.cps.product.registration.domain.ProductDeregistered;
import com.canon.cps.product.registration.domain.ProductDetailsUpdated;
import com.canon.cps.product.registration.domain.ProductRegistered;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.SerialNumberGiven;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "My Products": one document per registration, versioned by the registration's sequence number. Its {@code complete}
 * and {@code missingDetails} describe the purchase details (the view adds the serial number when read). A deregistered
 * product is kept as a tombstone rather than deleted, so a re-delivered older event cannot bring it back.
 */
@Component
@ProcessingGroup("product-registrations")
@Projection(ProductRegistrationView.class)
class ProductRegistrationProjection {

    private final ProjectionWriter writer;

    ProductRegistrationProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(ProductRegistered e, @SequenceNumber long sequence) {
        Update update = details(e.details())
                .set("accountId", e.accountId())
                .set("modelCode", e.modelCode())
                .set("name", e.modelName())
                .set("category", e.category())
                .set("serialNumber", e.serialNumber())
                .set("points", e.points())
                .set("migrated", e.migrated())
                .set("registeredAt", e.registeredAt())
                .set("deregistered", false);
        writer.upsert(ProductRegistrationView.COLLECTION, e.productId(), sequence, update);
    }

    @EventHandler
    void on(ProductDetailsUpdated e, @SequenceNumber long sequence) {
        writer.upsert(ProductRegistrationView.COLLECTION, e.productId(), sequence, details(e.details()));
    }

    @EventHandler
    void on(SerialNumberGiven e, @SequenceNumber long sequence) {
        writer.upsert(
                ProductRegistrationView.COLLECTION,
                e.productId(),
                sequence,
                Update.update("serialNumber", e.serialNumber()));
    }

    @EventHandler
    void on(ProductDeregistered e, @SequenceNumber long sequence) {
        writer.upsert(
                ProductRegistrationView.COLLECTION,
                e.productId(),
                sequence,
                Update.update("deregistered", true).set("accountId", e.accountId()));
    }

    private static Update details(PurchaseDetails d) {
        return new Update()
                .set(
                        "purchaseDate",
                        d.purchaseDate() == null ? null : d.purchaseDate().toString())
                .set("purchaseDateEstimated", d.purchaseDateEstimated())
                .set("countryOfPurchase", d.countryOfPurchase())
                .set("dealer", d.dealer())
                .set("dealerEstimated", d.dealerEstimated())
                .set("complete", d.complete())
                .set(
                        "missingDetails",
                        d.missingDetails().stream().map(MissingDetail::name).toList());
    }
}
