package com.canon.cps.billing.invoice.query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the invoice view (eventually consistent with the event store). */
@Component
public class InvoiceQueries {

    private final MongoTemplate mongo;

    InvoiceQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The account's invoices, newest first. */
    public List<InvoiceView> byAccount(String accountId) {
        return mongo.find(
                Query.query(Criteria.where("accountId").is(accountId))
                        .with(Sort.by(Sort.Order.desc("issueDate"), Sort.Order.desc("number"))),
                InvoiceView.class);
    }

    public Optional<InvoiceView> byId(String invoiceId) {
        return Optional.ofNullable(mongo.findById(invoiceId, InvoiceView.class));
    }
}
