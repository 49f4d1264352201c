package com.canon.cps.billing.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Booked credits from camt.053 statements of different versions; hostile and malformed input is refused. */
class Camt053Test {

    private static List<StatementCredit> parse(String resource) throws IOException {
        try (InputStream in = Camt053Test.class.getResourceAsStream("/camt053/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return Camt053.parse(in);
        }
    }

    private static List<StatementCredit> parseText(String xml) {
        return Camt053.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void version02_bookedCreditsOnly_withStructuredAndUnstructuredReferences() throws IOException {
        List<StatementCredit> credits = parse("camt053-001-02-gb.xml");

        assertThat(credits).hasSize(4);
        LocalDate booked = LocalDate.of(2026, 11, 30);
        assertThat(credits.get(0))
                .isEqualTo(new StatementCredit(
                        "GB-TX-20261130-0001",
                        booked,
                        new BigDecimal("102.00"),
                        "GBP",
                        "RF94CPSGB2026000123",
                        "RF94CPSGB2026000123",
                        "Lumen Studio Ltd"));
        assertThat(credits.get(1))
                .isEqualTo(new StatementCredit(
                        "2026113000002/1",
                        booked,
                        new BigDecimal("102.00"),
                        "GBP",
                        "RF67CPSGB2026000124",
                        "CPS membership RF67 CPSG B202 6000 124 many thanks",
                        "Harbour Light Photography"));
        assertThat(credits.get(2))
                .as("invalid check digits: no reference, but the text for the operator")
                .isEqualTo(new StatementCredit(
                        "GB-20261130-STMT-001/5/1",
                        booked,
                        new BigDecimal("61.40"),
                        "GBP",
                        null,
                        "Invoice RF19 5390 0754 7034",
                        "Quick Prints"));
        StatementCredit hashed = credits.get(3);
        assertThat(hashed.creditorReference())
                .as("an invalid structured reference falls back to the unstructured one")
                .isEqualTo("RF18539007547034");
        assertThat(hashed.remittanceInformation()).isEqualTo("see rf18539007547034");
        assertThat(hashed.entryReference()).matches("camt053-[0-9a-f]{32}");
        assertThat(hashed.debtorName()).isEqualTo("North Coast Studios");
    }

    @Test
    void version08_batchedEntry_givesOneCreditPerTransaction() throws IOException {
        List<StatementCredit> credits = parse("camt053-001-08-de.xml");

        assertThat(credits)
                .extracting(StatementCredit::entryReference)
                .containsExactly(
                        "DE-TX-1001",
                        "2026120100017/2",
                        "2026120100017/3",
                        "2026120100020/1",
                        "DE-2026-12-01-0042/6/1");
        assertThat(credits)
                .extracting(StatementCredit::amount)
                .containsExactly(
                        new BigDecimal("100.00"),
                        new BigDecimal("200.00"),
                        new BigDecimal("150.00"),
                        new BigDecimal("119.00"),
                        new BigDecimal("85.50"));
        assertThat(credits).extracting(StatementCredit::currency).containsOnly("EUR");
        assertThat(credits).extracting(StatementCredit::bookingDate).containsOnly(LocalDate.of(2026, 12, 1));
        assertThat(credits)
                .extracting(StatementCredit::creditorReference)
                .containsExactly(
                        "RF34CPSDE2026000042", "RF07CPSDE2026000043", null, "RF92CPSFR2026000007", "RF18539007547034");
        assertThat(credits)
                .extracting(StatementCredit::debtorName)
                .containsExactly(
                        "Müller Fotografie GmbH",
                        "Φωτογραφείο Αθηνών",
                        "Zdjęcia Łódź Sp. z o.o.",
                        "Atelier Lumière SARL",
                        null);
        assertThat(credits.get(2).remittanceInformation()).isEqualTo("Zahlung ohne Referenz");
        assertThat(credits.get(4).remittanceInformation()).isEqualTo("GUTSCHRIFT RF18 5390 0754 7034 EREF NOTPROVIDED");
    }

    @Test
    void importingTheSameStatementTwice_givesTheSameEntryReferences() throws IOException {
        assertThat(parse("camt053-001-02-gb.xml")).isEqualTo(parse("camt053-001-02-gb.xml"));
        assertThat(parse("camt053-001-08-de.xml"))
                .extracting(StatementCredit::entryReference)
                .doesNotHaveDuplicates();
    }

    @Test
    void anyNamespaceVersion_andNoNamespace_areRead() {
        String statement = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.13">
                  <BkToCstmrStmt><Stmt><Id>S13</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
                    <Ntry><Amt Ccy="CHF">95.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                      <BookgDt><DtTm>2026-12-02T23:30:00Z</DtTm></BookgDt><AcctSvcrRef>CH-1</AcctSvcrRef>
                      <NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>RF712348231</Ref></CdtrRefInf></Strd>
                      </RmtInf></TxDtls></NtryDtls></Ntry>
                  </Stmt></BkToCstmrStmt>
                </Document>""";

        assertThat(parseText(statement))
                .containsExactly(new StatementCredit(
                        "CH-1/1",
                        LocalDate.of(2026, 12, 2),
                        new BigDecimal("95.00"),
                        "CHF",
                        "RF712348231",
                        "RF712348231",
                        null));
        assertThat(parseText(statement.replace(" xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.13\"", "")))
                .hasSize(1);
        assertThat(parseText(statement
                        .replace("<Document xmlns=", "<c:Document xmlns:c=")
                        .replace("</Document>", "</c:Document>")))
                .as("prefixed root element")
                .hasSize(1);
    }

    @Test
    void amountsWithoutDecimals_getTwo_andAMissingCurrencyComesFromTheAccount() {
        List<StatementCredit> credits = parseText("""
                <Document><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Ccy>GBP</Ccy></Acct>
                  <Ntry><Amt>85</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-02</Dt></BookgDt>
                    <NtryRef>1</NtryRef></Ntry>
                </Stmt></BkToCstmrStmt></Document>""");

        assertThat(credits).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualTo(new BigDecimal("85.00"));
            assertThat(c.currency()).isEqualTo("GBP");
            assertThat(c.entryReference()).isEqualTo("S/1/1");
        });
    }

    @Test
    void aBatchedTransactionWithoutAmount_refusesTheStatement() {
        assertThatThrownBy(() -> parseText("""
                        <Document><BkToCstmrStmt><Stmt><Id>S</Id>
                          <Ntry><Amt Ccy="EUR">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                            <NtryDtls><TxDtls><Amt Ccy="EUR">100.00</Amt></TxDtls><TxDtls/></NtryDtls></Ntry>
                        </Stmt></BkToCstmrStmt></Document>"""))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("Transaction 2 of entry 1")
                .hasMessageContaining("no amount");
    }

    @Test
    void doctype_isRefused_soNoExternalEntityIsEverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>""";

        assertThatThrownBy(() -> parseText(xxe))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansion_isRefused() {
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document><BkToCstmrStmt><Stmt><Id>&lol2;</Id></Stmt></BkToCstmrStmt></Document>""";

        assertThatThrownBy(() -> parseText(billionLaughs)).isInstanceOf(BankStatementException.class);
    }

    @Test
    void garbage_isRefused() {
        assertThatThrownBy(() -> parseText("")).isInstanceOf(BankStatementException.class);
        assertThatThrownBy(() -> parseText("%PDF-1.7 not a statement"))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> parseText("<Document><BkToCstmrStmt><Stmt>"))
                .isInstanceOf(BankStatementException.class);
    }

    @Test
    void otherMessagesAndStatementsWithoutStmt_areRefused() {
        assertThatThrownBy(() -> parseText("<Document><BkToCstmrDbtCdtNtfctn/></Document>"))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("camt.053");
        assertThatThrownBy(() -> parseText("<Document><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>"))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("Stmt");
    }

    @Test
    void invalidAmountOrDate_isRefusedWithTheEntry() {
        assertThatThrownBy(() -> parseText("""
                        <Document><BkToCstmrStmt><Stmt><Id>S</Id>
                          <Ntry><Amt Ccy="EUR">1O0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>
                        </Stmt></BkToCstmrStmt></Document>"""))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("Entry 1 in statement S has an invalid amount");
        assertThatThrownBy(() -> parseText("""
                        <Document><BkToCstmrStmt><Stmt><Id>S</Id>
                          <Ntry><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                            <BookgDt><Dt>30.11.2026</Dt></BookgDt></Ntry>
                        </Stmt></BkToCstmrStmt></Document>"""))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("invalid date");
    }

    @Test
    void aStatementLongerThanTheLimit_isRefused_withoutReadingItAll() {
        byte[] head = "<Document><BkToCstmrStmt><Stmt><Id>1</Id><AddtlStmtInf>".getBytes(StandardCharsets.US_ASCII);
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                long n = served.getAndIncrement();
                return n < head.length ? head[(int) n] : 'x';
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Camt053.parse(endless, 10_000))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("larger than 10000 bytes");
        assertThat(served.get()).isLessThan(20_000);
        assertThat(Camt053.MAX_BYTES).isEqualTo(5L * 1024 * 1024);
    }
}
