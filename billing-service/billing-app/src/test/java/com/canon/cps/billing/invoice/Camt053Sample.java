package com.canon.cps.billing.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds ISO 20022 camt.053.001.08 bank statements as a bank would send them: one booked credit per entry. */
final class Camt053Sample {

    /** A credit; {@code reference} goes into the structured creditor reference, {@code text} into Ustrd. */
    record Credit(String bankReference, String amount, String currency, String reference, String text) {}

    private Camt053Sample() {}

    static String statement(List<Credit> credits) {
        StringBuilder entries = new StringBuilder();
        for (Credit c : credits) {
            String remittance = c.reference() != null
                    ? "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>"
                            + c.reference() + "</Ref></CdtrRefInf></Strd>"
                    : "<Ustrd>" + c.text() + "</Ustrd>";
            entries.append("""
                    <Ntry>
                      <Amt Ccy="%2$s">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                      <BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt>
                      <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                      <NtryDtls><TxDtls>
                        <Refs><AcctSvcrRef>%4$s</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                        <Amt Ccy="%2$s">%1$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <RltdPties><Dbtr><Pty><Nm>Lumen Studio Ltd</Nm></Pty></Dbtr></RltdPties>
                        <RmtInf>%5$s</RmtInf>
                      </TxDtls></NtryDtls>
                    </Ntry>
                    """.formatted(c.amount(), c.currency(), LocalDate.now(), c.bankReference(), remittance));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT08:00:00Z</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id><CreDtTm>%2$sT08:00:00Z</CreDtTm>
                      <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>GBP</Ccy></Acct>
                      %3$s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(UUID.randomUUID(), LocalDate.now(), entries);
    }
}
