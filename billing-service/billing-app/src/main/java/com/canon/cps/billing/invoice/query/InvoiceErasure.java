package com.canon.cps.billing.invoice.query;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.projection.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The invoice view of an erased account (ADR 24): at the erasure everything but what tax law makes an invoice keep goes
 * (the purchase order number, the reasons of credit notes); the buyer's name, address and VAT ID stay until the
 * retention ends ({@link #eraseRetained}). Numbers, dates, amounts and statuses are no personal data and stay. A
 * rebuild from the events reads the same: the erased values as "[erased]".
 */
@Component
public class InvoiceErasure implements ErasureParticipant {

    private final MongoTemplate mongo;
    private final Projections projections;

    InvoiceErasure(MongoTemplate mongo, Projections projections) {
        this.mongo = mongo;
        this.projections = projections;
    }

    @Override
    public void erase(String accountId) {
        String collection = projections.collection(InvoiceView.class);
        for (InvoiceView view :
                mongo.find(Query.query(Criteria.where("accountId").is(accountId)), InvoiceView.class, collection)) {
            Update update = new Update().set("purchaseOrderNumber", erased(view.purchaseOrderNumber()));
            if (view.creditNotes() != null) {
                view.creditNotes()
                        .keySet()
                        .forEach(id -> update.set("creditNotes." + id + ".reason", PersonalData.ERASED));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(view.invoiceId())), update, collection);
        }
    }

    /** The retention of the account's invoices ended: the buyer goes as well. */
    public void eraseRetained(String accountId) {
        mongo.updateMulti(
                Query.query(Criteria.where("accountId").is(accountId)),
                new Update()
                        .set(
                                "buyer",
                                new InvoiceView.PartyView(
                                        PersonalData.ERASED,
                                        PersonalData.ERASED,
                                        PersonalData.ERASED,
                                        PersonalData.ERASED,
                                        PersonalData.ERASED,
                                        PersonalData.ERASED)),
                projections.collection(InvoiceView.class));
    }

    private static String erased(String value) {
        return value == null ? null : PersonalData.ERASED;
    }
}
