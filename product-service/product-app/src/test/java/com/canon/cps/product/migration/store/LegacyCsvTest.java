package com.canon.cps.product.migration.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.product.catalog.CatalogModel;
import com.canon.cps.product.catalog.CatalogVersion;
import com.canon.cps.product.catalog.PointsSource;
import com.canon.cps.product.catalog.ProductCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyCsvTest {

    private static final String HEADER = "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final CatalogVersion CATALOG = new CatalogVersion(
            "v1",
            LocalDate.parse("2024-01-01"),
            List.of(
                    new CatalogModel(
                            "EOS-5D-MARK-III", "EOS 5D Mark III", ProductCategory.EF_BODY, 235, PointsSource.REAL),
                    new CatalogModel(
                            "EF-40-F2.8-STM", "EF 40mm f/2.8 STM", ProductCategory.EF_LENS, 15, PointsSource.REAL)));

    @Test
    void rows_keepTheLineTheyStartOn_quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(HEADER
                + "a@old.example,EOS-5D-MARK-III,111,2020-01-02,GB,\"Jessops, London\"\r\n"
                + "\n"
                + "b@old.example,EF-40-F2.8-STM,222,,,\"The \"\"Camera\"\"\nShop\"\n"
                + "c@old.example,EF-40-F2.8-STM,333,,,");

        assertThat(rows).extracting(LegacyCsv.Row::line).containsExactly(2, 4, 6);
        assertThat(rows.get(0).cells())
                .containsExactly("a@old.example", "EOS-5D-MARK-III", "111", "2020-01-02", "GB", "Jessops, London");
        assertThat(rows.get(1).cells().get(5)).isEqualTo("The \"Camera\"\nShop");
        assertThat(rows.get(2).cells()).containsExactly("c@old.example", "EF-40-F2.8-STM", "333", "", "", "");
    }

    @Test
    void header_isRequired_caseAndByteOrderMarkDoNotMatter() {
        assertThat(LegacyCsv.parse("\uFEFFLEGACYEMAIL, modelCode,serialnumber,purchaseDate,countryOfPurchase,dealer\n"))
                .isEmpty();
        assertThatThrownBy(() -> LegacyCsv.parse("")).isInstanceOf(LegacyCsv.NotALegacyExport.class);
        assertThatThrownBy(() -> LegacyCsv.parse("a@old.example,EOS-5D-MARK-III,111,,,\n"))
                .isInstanceOf(LegacyCsv.NotALegacyExport.class)
                .hasMessageContaining("legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer");
    }

    @Test
    void unclosedQuote_isReportedOnItsLine() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(
                HEADER + "a@old.example,EF-40-F2.8-STM,1,,,ok\n" + "b@old.example,EF-40-F2.8-STM,2,,,\"never closed\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).error()).contains("not closed");
    }

    @Test
    void loneCarriageReturn_endsALine() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(HEADER.replace("\n", "\r")
                + "a@old.example,EF-40-F2.8-STM,1,,,Jessops\rb@old.example,EF-40-F2.8-STM,2,,,\r");

        assertThat(rows).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
        assertThat(rows.get(0).cells()).containsExactly("a@old.example", "EF-40-F2.8-STM", "1", "", "", "Jessops");
        assertThat(rows.get(1).cells().get(2)).isEqualTo("2");
    }

    @Test
    void textAfterAClosingQuote_isRejectedOnItsLine_andTheLinesAfterItAreStillRead() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(HEADER
                + "a@old.example,EF-40-F2.8-STM,1,,,\"Jessops\"London\n"
                + "b@old.example,EF-40-F2.8-STM,2,,,\"multi\nline\"x\n"
                + "c@old.example,EF-40-F2.8-STM,3,,,Calumet\n");

        assertThat(rows).extracting(LegacyCsv.Row::line).containsExactly(2, 3, 5);
        assertThat(rows.get(0).cells()).isNull();
        assertThat(rows.get(0).error()).contains("after the closing quote");
        assertThat(rows.get(1).error()).contains("after the closing quote");
        assertThat(rows.get(2).cells()).containsExactly("c@old.example", "EF-40-F2.8-STM", "3", "", "", "Calumet");
    }

    @Test
    void germanSpreadsheetExport_semicolonsAndByteOrderMark_isRead() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse("\uFEFF" + HEADER.replace(',', ';')
                + "a@old.example;EOS-5D-MARK-III;111;2020-01-02;DE;Foto Koch, Düsseldorf\r\n"
                + "b@old.example;EF-40-F2.8-STM;222;;;\"Calumet; \"\"Hamburg\"\"\"\r\n");

        assertThat(rows).extracting(LegacyCsv.Row::line).containsExactly(2, 3);
        assertThat(rows.get(0).cells())
                .containsExactly(
                        "a@old.example", "EOS-5D-MARK-III", "111", "2020-01-02", "DE", "Foto Koch, Düsseldorf");
        assertThat(rows.get(1).cells().get(5)).isEqualTo("Calumet; \"Hamburg\"");
        assertThat(LegacyLines.check(rows.get(0), CATALOG, NOW).reason()).isNull();
    }

    @Test
    void everyBadLine_isReportedWithItsNumber() {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(HEADER
                + "a@old.example,EF-40-F2.8-STM,1,,,\"x\"y\n"
                + "\n"
                + "b@old.example,EF-40-F2.8-STM,2,,\n"
                + "c@old.example,EF-40-F2.8-STM,3,,,ok\n"
                + "d@old.example,EF-40-F2.8-STM,4,,,\"never closed\n"
                + "e@old.example,EF-40-F2.8-STM,5,,,ok\n");

        List<String> reasons = rows.stream()
                .map(r -> r.line() + ": " + LegacyLines.check(r, CATALOG, NOW).reason())
                .toList();
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).startsWith("2: text after the closing quote");
        assertThat(reasons.get(1)).isEqualTo("4: expected 6 fields, found 5");
        assertThat(reasons.get(2)).isEqualTo("5: null");
        assertThat(reasons.get(3)).isEqualTo("6: a quoted field is not closed");
    }

    @Test
    void goodLine_isNormalised_emptyCellsAreAbsentDetails() {
        LegacyLines.Checked checked = check(" Ada.Old@Lumen.Example ,ef-40-f2.8-stm, 0120 2100 ,,gb,  ");

        assertThat(checked.reason()).isNull();
        assertThat(checked.registration())
                .isEqualTo(new LegacyRegistration(
                        "ada.old@lumen.example", "EF-40-F2.8-STM", "0120 2100", null, "GB", null));
    }

    @Test
    void badLines_areRejectedWithEveryReason() {
        assertThat(check(",EOS-5D-MARK-III,1,,,").reason()).isEqualTo("legacyEmail is missing");
        assertThat(check("not-an-email,EOS-5D-MARK-III,1,,,").reason()).contains("not an e-mail");
        assertThat(check("a@old.example,EOS-TOASTER,1,,,").reason())
                .isEqualTo("modelCode EOS-TOASTER is not in the product catalogue");
        assertThat(check("a@old.example,EOS-5D-MARK-III,,,,").reason()).isEqualTo("serialNumber is missing");
        assertThat(check("a@old.example,EOS-5D-MARK-III,1,27/11/2020,,").reason())
                .contains("not an ISO date");
        assertThat(check("a@old.example,EOS-5D-MARK-III,1,2027-01-01,,").reason())
                .contains("in the future");
        assertThat(check("a@old.example,EOS-5D-MARK-III,1,,UK,").reason()).contains("countryOfPurchase UK");
        assertThat(check("a@old.example,EOS-5D-MARK-III,1,,").reason()).isEqualTo("expected 6 fields, found 5");
        assertThat(check(",,,2027-01-01,XX,").reason())
                .isEqualTo("legacyEmail is missing; modelCode is missing; serialNumber is missing;"
                        + " purchaseDate 2027-01-01 is in the future; countryOfPurchase XX is not an ISO 3166-1"
                        + " alpha-2 code");
    }

    @Test
    void contentHash_isTheSameForTheSameContent_andDiffersOtherwise() {
        LegacyRegistration a =
                check("a@old.example,EOS-5D-MARK-III,111,2020-01-02,GB,Jessops").registration();
        LegacyRegistration same = check(" A@old.example ,eos-5d-mark-iii,111,2020-01-02,gb,Jessops ")
                .registration();
        LegacyRegistration other =
                check("a@old.example,EOS-5D-MARK-III,111,2020-01-02,GB,Calumet").registration();

        assertThat(a.contentHash()).isEqualTo(same.contentHash()).hasSize(64);
        assertThat(a.contentHash()).isNotEqualTo(other.contentHash());
    }

    private static LegacyLines.Checked check(String line) {
        List<LegacyCsv.Row> rows = LegacyCsv.parse(HEADER + line + "\n");
        assertThat(rows).hasSize(1);
        return LegacyLines.check(rows.get(0), CATALOG, NOW);
    }
}
