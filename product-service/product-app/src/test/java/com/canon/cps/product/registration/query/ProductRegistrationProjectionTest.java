package com.canon.cps.product.registration.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.FakeProjectionWriter;
import com.canon.cps.product.registration.domain.ProductDeregistered;
import com.canon.cps.product.registration.domain.ProductDetailsUpdated;
import com.canon.cps.product.registration.domain.ProductRegistered;
import com.canon.cps.product.registration.domain.PurchaseDetails;
import com.canon.cps.product.registration.domain.SerialNumberGiven;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** "My Products" projection against a recording writer: what each event sets, without Spring or Mongo. */
class ProductRegistrationProjectionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final PurchaseDetails COMPLETE =
            new PurchaseDetails(LocalDate.parse("2026-02-14"), false, "DE", "Foto Meyer", true);

    private final FakeProjectionWriter writer = new FakeProjectionWriter();
    private final ProductRegistrationProjection projection = new ProductRegistrationProjection(writer);

    private static ProductRegistered registered(String serialNumber, PurchaseDetails details) {
        return new ProductRegistered(
                "p-1", "acc-1", "EOSR5", "EOS R5", "CAMERA", "v1", 500, serialNumber, details, false, NOW);
    }

    @Test
    void aRegistration_writesTheWholeDocument_versionedByItsSequenceNumber() {
        projection.on(registered("0123456789", COMPLETE), 0);

        FakeProjectionWriter.Write write = writer.only();
        assertThat(write.collection()).isEqualTo(ProductRegistrationView.COLLECTION);
        assertThat(write.id()).isEqualTo("p-1");
        assertThat(write.version()).isZero();
        Document set = write.set();
        assertThat(set)
                .containsEntry("accountId", "acc-1")
                .containsEntry("modelCode", "EOSR5")
                .containsEntry("name", "EOS R5")
                .containsEntry("category", "CAMERA")
                .containsEntry("serialNumber", "0123456789")
                .containsEntry("points", 500)
                .containsEntry("migrated", false)
                .containsEntry("registeredAt", NOW)
                .containsEntry("deregistered", false)
                .containsEntry("purchaseDate", "2026-02-14")
                .containsEntry("countryOfPurchase", "DE")
                .containsEntry("dealer", "Foto Meyer")
                .containsEntry("dealerEstimated", true)
                .containsEntry("complete", true)
                .containsEntry("missingDetails", List.of());
    }

    @Test
    void aRegistrationWithoutDetails_listsWhatIsMissing_inTheOrderTheMemberIsAsked() {
        projection.on(registered(null, PurchaseDetails.NONE), 0);

        Document set = writer.only().set();
        assertThat(set)
                .containsEntry("serialNumber", null)
                .containsEntry("purchaseDate", null)
                .containsEntry("complete", false)
                .containsEntry("missingDetails", List.of("PURCHASE_DATE", "COUNTRY_OF_PURCHASE", "DEALER"));
    }

    @Test
    void updatedDetails_setOnlyTheDetails() {
        projection.on(new ProductDetailsUpdated("p-1", "acc-1", COMPLETE, NOW), 3);

        FakeProjectionWriter.Write write = writer.only();
        assertThat(write.version()).isEqualTo(3);
        assertThat(write.set())
                .containsEntry("complete", true)
                .doesNotContainKeys("accountId", "serialNumber", "deregistered");
    }

    @Test
    void aSerialNumberGivenLater_setsOnlyTheSerialNumber() {
        projection.on(new SerialNumberGiven("p-1", "acc-1", "EOSR5", "0123456789", 500, COMPLETE, false, NOW, NOW), 2);

        assertThat(writer.only().set()).containsOnlyKeys("serialNumber").containsEntry("serialNumber", "0123456789");
    }

    @Test
    void aDeregistration_keepsATombstone_insteadOfDeletingTheDocument() {
        projection.on(new ProductDeregistered("p-1", "acc-1", "EOSR5", 500, true, NOW), 4);

        FakeProjectionWriter.Write write = writer.only();
        assertThat(write.version()).isEqualTo(4);
        assertThat(write.set()).containsOnlyKeys("deregistered", "accountId").containsEntry("deregistered", true);
    }
}
