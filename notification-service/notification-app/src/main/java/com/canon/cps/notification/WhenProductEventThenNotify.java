package com.canon.cps.notification;

import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.product.contract.ProductStillIncomplete;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.product.events}: a registration still incomplete a reminder period after it was made, with what
 * is missing in the account's language, as an e-mail and a bell entry, at most once per source event.
 */
@Configuration(proxyBeanMethods = false)
class WhenProductEventThenNotify {

    static final String PRODUCT_INCOMPLETE = "product-incomplete";

    @Bean
    Consumer<Message<byte[]>> productEvents(EventInbox inbox, Notifications notifications, PortalLinks links) {
        return inbox.consumer("productEvents")
                .on(ProductStillIncomplete.TYPE, ProductStillIncomplete.class, event -> {
                    ProductStillIncomplete p = event.data();
                    notifications.notify(
                            event.id(),
                            PRODUCT_INCOMPLETE,
                            p.accountId(),
                            p.modelName() == null ? p.modelCode() : p.modelName(),
                            p.points(),
                            missing(p.missingDetails()),
                            links.products());
                })
                .build();
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
