package com.canon.cps.billing.bank;

import com.canon.cps.platform.hashing.Sha256;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads the booked incoming payments from an ISO 20022 bank-to-customer statement ({@code camt.053}, message
 * {@code BkToCstmrStmt}), versions {@code .001.02} to {@code .001.13}: elements are matched by local name, whatever
 * the namespace.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Secure parsing: no DTD, no external entity, no XInclude; a {@code DOCTYPE} is refused.
 *   <li>Only credits ({@code CdtDbtInd} {@code CRDT}; a transaction may override its entry's) that are booked
 *       ({@code Sts} {@code BOOK}, or {@code Sts/Cd} {@code BOOK} from .001.08 on; no status counts as booked);
 *       reversals ({@code RvslInd} true) are ignored.
 *   <li>One credit per transaction ({@code NtryDtls/TxDtls}); an entry without transaction details is one credit.
 *       Amount from {@code TxDtls/AmtDtls/TxAmt/Amt}, else {@code TxDtls/Amt}, else the entry's {@code Amt} when the
 *       entry has a single transaction.
 *   <li>Creditor reference: {@code RmtInf/Strd/CdtrRefInf/Ref} when it is a valid RF reference, else the first valid
 *       RF reference in {@code RmtInf/Ustrd}; without any {@code RmtInf}, in the additional transaction or entry
 *       information.
 *   <li>Entry reference, stable across imports of the same statement: the transaction's {@code Refs/AcctSvcrRef};
 *       else the entry's {@code AcctSvcrRef} + {@code /} + transaction number; else statement {@code Id} + {@code /}
 *       + {@code NtryRef} + {@code /} + transaction number ({@code NtryRef} is often only unique within its
 *       statement); else a hash of account, statement {@code Id}, entry and transaction number. A reference that
 *       would repeat within the statement gets the entry and transaction number appended.
 * </ul>
 */
public final class Camt053 {

    private static final String CREDIT = "CRDT";
    private static final String BOOKED = "BOOK";

    /** The largest statement read (5 MB, as {@code cps.http.max-json-body-bytes} of billing-service). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private Camt053() {}

    /**
     * The booked credits of every statement ({@code Stmt}) in the message, in document order. Reads at most
     * {@link #MAX_BYTES}; a longer input is refused with {@link BankStatementException}.
     */
    public static List<StatementCredit> parse(InputStream xml) {
        return parse(xml, MAX_BYTES);
    }

    static List<StatementCredit> parse(InputStream xml, long maxBytes) {
        BoundedInput bounded = new BoundedInput(xml, maxBytes);
        Element root;
        try {
            root = Xml.read(bounded).getDocumentElement();
        } catch (BankStatementException e) {
            if (bounded.exceeded) {
                throw new BankStatementException("The bank statement is larger than " + maxBytes + " bytes", e);
            }
            throw e;
        }
        Element message = "BkToCstmrStmt".equals(root.getLocalName()) ? root : Xml.child(root, "BkToCstmrStmt");
        if (message == null) {
            throw new BankStatementException(
                    "Not an ISO 20022 camt.053 bank statement: no BkToCstmrStmt element under " + root.getLocalName());
        }
        List<Element> statements = Xml.children(message, "Stmt");
        if (statements.isEmpty()) {
            throw new BankStatementException("The bank statement contains no statement (Stmt)");
        }
        List<StatementCredit> credits = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (Element statement : statements) {
            readStatement(statement, credits, references);
        }
        return List.copyOf(credits);
    }

    /** An input that fails once more than {@code max} bytes were read. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private final long max;
        private long read;
        private boolean exceeded;

        BoundedInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, max - read + 1)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws java.io.IOException {
            read += n;
            if (read > max) {
                exceeded = true;
                throw new java.io.IOException("more than " + max + " bytes");
            }
        }
    }

    private static void readStatement(Element statement, List<StatementCredit> credits, Set<String> references) {
        String statementId = Xml.text(statement, "Id");
        if (statementId == null) {
            throw new BankStatementException("A statement (Stmt) has no Id");
        }
        String account = Optional.ofNullable(Xml.text(statement, "Acct", "Id", "IBAN"))
                .orElseGet(() -> Optional.ofNullable(Xml.text(statement, "Acct", "Id", "Othr", "Id"))
                        .orElse(""));
        String accountCurrency = Xml.text(statement, "Acct", "Ccy");
        List<Element> entries = Xml.children(statement, "Ntry");
        for (int e = 0; e < entries.size(); e++) {
            Entry entry = new Entry(statementId, account, accountCurrency, entries.get(e), e + 1);
            if (entry.reversal() || !entry.booked()) {
                continue;
            }
            List<Element> transactions = new ArrayList<>();
            for (Element details : Xml.children(entry.element(), "NtryDtls")) {
                transactions.addAll(Xml.children(details, "TxDtls"));
            }
            if (transactions.isEmpty()) {
                if (CREDIT.equals(entry.creditDebit())) {
                    String info = Xml.text(entry.element(), "AddtlNtryInf");
                    add(
                            credits,
                            references,
                            entry.reference(1),
                            entry,
                            1,
                            amount(entry, entry.amount()),
                            find(info),
                            info,
                            null);
                }
                continue;
            }
            for (int t = 0; t < transactions.size(); t++) {
                Element tx = transactions.get(t);
                int transactionNumber = t + 1;
                String creditDebit =
                        Optional.ofNullable(Xml.text(tx, "CdtDbtInd")).orElseGet(entry::creditDebit);
                if (!CREDIT.equals(creditDebit)) {
                    continue;
                }
                Element amount = Optional.ofNullable(Xml.child(tx, "AmtDtls", "TxAmt", "Amt"))
                        .or(() -> Optional.ofNullable(Xml.child(tx, "Amt")))
                        .orElse(transactions.size() == 1 ? entry.amount() : null);
                if (amount == null) {
                    throw new BankStatementException("Transaction " + transactionNumber + " of entry " + entry.number()
                            + " in statement " + statementId + " has no amount");
                }
                Remittance remittance = remittance(tx, entry.element());
                String debtor = Optional.ofNullable(Xml.text(tx, "RltdPties", "Dbtr", "Nm"))
                        .orElseGet(() -> Xml.text(tx, "RltdPties", "Dbtr", "Pty", "Nm"));
                // the transaction's own bank reference wins over one derived from its entry
                String reference = Optional.ofNullable(Xml.text(tx, "Refs", "AcctSvcrRef"))
                        .orElseGet(() -> entry.reference(transactionNumber));
                add(
                        credits,
                        references,
                        reference,
                        entry,
                        transactionNumber,
                        amount(entry, amount),
                        remittance.reference(),
                        remittance.information(),
                        debtor);
            }
        }
    }

    private static void add(
            List<StatementCredit> credits,
            Set<String> references,
            String reference,
            Entry entry,
            int transaction,
            Money amount,
            String creditorReference,
            String information,
            String debtor) {
        credits.add(new StatementCredit(
                unique(references, reference, entry.number(), transaction),
                entry.bookingDate(),
                amount.amount(),
                amount.currency(),
                creditorReference,
                information,
                debtor));
    }

    private static String unique(Set<String> references, String reference, int entry, int transaction) {
        String r = reference;
        if (references.contains(r)) {
            r = reference + "#" + entry + "/" + transaction;
        }
        references.add(r);
        return r;
    }

    private record Remittance(String reference, String information) {}

    private static Remittance remittance(Element tx, Element entry) {
        Element rmtInf = Xml.child(tx, "RmtInf");
        if (rmtInf == null) {
            String info =
                    Optional.ofNullable(Xml.text(tx, "AddtlTxInf")).orElseGet(() -> Xml.text(entry, "AddtlNtryInf"));
            return new Remittance(find(info), info);
        }
        List<String> structured = new ArrayList<>();
        for (Element strd : Xml.children(rmtInf, "Strd")) {
            String ref = Xml.text(strd, "CdtrRefInf", "Ref");
            if (ref != null) {
                structured.add(ref);
            }
        }
        List<String> unstructured = new ArrayList<>();
        for (Element ustrd : Xml.children(rmtInf, "Ustrd")) {
            String line = ustrd.getTextContent().trim();
            if (!line.isEmpty()) {
                unstructured.add(line);
            }
        }
        String reference = structured.stream()
                .filter(CreditorReference::isValid)
                .map(CreditorReference::normalise)
                .findFirst()
                .orElseGet(() -> find(String.join(" ", unstructured)));
        String information = !unstructured.isEmpty()
                ? String.join(" ", unstructured)
                : structured.isEmpty() ? null : String.join(" ", structured);
        return new Remittance(reference, information);
    }

    private static String find(String text) {
        return CreditorReference.find(text).orElse(null);
    }

    private record Money(BigDecimal amount, String currency) {}

    private static Money amount(Entry entry, Element amt) {
        if (amt == null) {
            throw new BankStatementException(
                    "Entry " + entry.number() + " in statement " + entry.statementId() + " has no amount");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amt.getTextContent().trim());
        } catch (NumberFormatException e) {
            throw new BankStatementException("Entry " + entry.number() + " in statement " + entry.statementId()
                    + " has an invalid amount: " + amt.getTextContent().trim());
        }
        if (value.signum() < 0) {
            throw new BankStatementException(
                    "Entry " + entry.number() + " in statement " + entry.statementId() + " has a negative amount");
        }
        String currency = amt.getAttribute("Ccy").trim();
        if (currency.isEmpty()) {
            currency = entry.accountCurrency();
        }
        if (currency == null || !currency.matches("[A-Za-z]{3}")) {
            throw new BankStatementException(
                    "Entry " + entry.number() + " in statement " + entry.statementId() + " has no valid currency");
        }
        return new Money(value.setScale(Math.max(2, value.scale())), currency.toUpperCase(Locale.ROOT));
    }

    /** One {@code Ntry} and what its transactions inherit from it and from its statement. */
    private record Entry(String statementId, String account, String accountCurrency, Element element, int number) {

        boolean reversal() {
            return "true".equalsIgnoreCase(Xml.text(element, "RvslInd"));
        }

        boolean booked() {
            Element status = Xml.child(element, "Sts");
            if (status == null) {
                return true;
            }
            String code = Optional.ofNullable(Xml.text(status, "Cd"))
                    .orElse(status.getTextContent().trim());
            return code.isEmpty() || BOOKED.equalsIgnoreCase(code);
        }

        String creditDebit() {
            String indicator = Xml.text(element, "CdtDbtInd");
            if (indicator == null) {
                throw new BankStatementException(
                        "Entry " + number + " in statement " + statementId + " has no CdtDbtInd");
            }
            return indicator;
        }

        Element amount() {
            return Xml.child(element, "Amt");
        }

        LocalDate bookingDate() {
            LocalDate booked = date(Xml.child(element, "BookgDt"));
            return booked != null ? booked : date(Xml.child(element, "ValDt"));
        }

        private LocalDate date(Element dateAndDateTime) {
            if (dateAndDateTime == null) {
                return null;
            }
            try {
                String date = Xml.text(dateAndDateTime, "Dt");
                if (date != null) {
                    return LocalDate.parse(date, DateTimeFormatter.ISO_DATE);
                }
                String dateTime = Xml.text(dateAndDateTime, "DtTm");
                return dateTime == null ? null : LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(dateTime));
            } catch (DateTimeParseException e) {
                throw new BankStatementException(
                        "Entry " + number + " in statement " + statementId + " has an invalid date");
            }
        }

        /** The reference derived from the entry for its transaction number {@code transaction} (from 1). */
        String reference(int transaction) {
            String servicer = Xml.text(element, "AcctSvcrRef");
            if (servicer != null) {
                return servicer + "/" + transaction;
            }
            String entryRef = Xml.text(element, "NtryRef");
            if (entryRef != null) {
                return statementId + "/" + entryRef + "/" + transaction;
            }
            return "camt053-"
                    + Sha256.hex(account + "\n" + statementId + "\n" + number + "\n" + transaction)
                            .substring(0, 32);
        }
    }
}
