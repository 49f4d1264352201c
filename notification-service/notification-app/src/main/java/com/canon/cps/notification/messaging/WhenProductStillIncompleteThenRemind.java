package com.canon.cps.notification.messaging;

import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.product.contract.ProductStillIncomplete;
import java.util.List;
import org.springframework.stereotype.Component;

/** A registration still incomplete a reminder period after it was made, with what is missing. */
@Component
class WhenProductStillIncompleteThenRemind implements EventInbox.Handler<ProductStillIncomplete> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenProductStillIncompleteThenRemind(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<ProductStillIncomplete> event) {
        ProductStillIncomplete p = event.data();
        notifications.notify(
                event.id(),
                "product-incomplete",
                p.accountId(),
                p.modelName() == null ? p.modelCode() : p.modelName(),
                p.points(),
                missing(p.missingDetails()),
                links.products());
    }

    /**
     * The missing details in words, as the bundle lists them ({@code list.<n>}, up to four); a detail the texts do not
     * know yet is written as it is.
     */
    static Text missing(List<String> details) {
        List<String> names =
                details == null || details.isEmpty() ? List.of("-") : details.subList(0, Math.min(4, details.size()));
        Object[] parts = names.stream()
                .map(name -> Text.withFallback("missing-detail." + name, name))
                .toArray();
        return Text.of("list." + parts.length, parts);
    }
}
