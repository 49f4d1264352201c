package com.canon.cps.billing.invoice.query;

import com.canon.cps.platform.projection.Projections;
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
    private final Projections projections;

    InvoiceQueries(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    /** The account's invoices, newest first. */
    public List<InvoiceView> byAccount(String accountId) {
        return mongo.find(
                Query.query(Criteria.where("accountId").is(accountId))
                        .with(Sort.by(Sort.Order.desc("issueDate"), Sort.Order.desc("number"))),
                InvoiceView.class,
                projections.collection(InvoiceView.class));
    }

    /** Invoices of these statuses, the earliest due first, at most {@code limit} (operators' lists). */
    public List<InvoiceView> byStatus(List<String> statuses, int limit) {
        return mongo.find(
                Query.query(Criteria.where("status").in(statuses))
                        .with(Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("number")))
                        .limit(limit),
                InvoiceView.class,
                projections.collection(InvoiceView.class));
    }

    public Optional<InvoiceView> byId(String invoiceId) {
        return Optional.ofNullable(
                mongo.findById(invoiceId, InvoiceView.class, projections.collection(InvoiceView.class)));
    }
}
