package com.canon.cps.local;

import com.canon.cps.account.AccountServiceApplication;
import com.canon.cps.billing.BillingServiceApplication;
import com.canon.cps.membership.MembershipServiceApplication;
import com.canon.cps.notification.NotificationServiceApplication;
import com.canon.cps.points.PointsServiceApplication;
import com.canon.cps.product.ProductServiceApplication;
import com.canon.cps.verification.VerificationServiceApplication;
import java.util.List;

/** The seven services, their ports (docs/api.md) and the path prefixes the entry point routes to them. */
public enum LocalService {
    ACCOUNT(
            "account",
            AccountServiceApplication.class,
            8081,
            "/api/accounts",
            "/api/auth",
            "/api/operators",
            "/.well-known/jwks.json"),
    VERIFICATION("verification", VerificationServiceApplication.class, 8082, "/api/verification"),
    PRODUCT("product", ProductServiceApplication.class, 8083, "/api/catalog", "/api/products"),
    POINTS("points", PointsServiceApplication.class, 8084, "/api/points"),
    MEMBERSHIP("membership", MembershipServiceApplication.class, 8085, "/api/membership"),
    BILLING("billing", BillingServiceApplication.class, 8086, "/api/invoices", "/api/billing"),
    NOTIFICATION("notification", NotificationServiceApplication.class, 8087, "/api/notifications");

    public static final int ENTRY_POINT_PORT = 8080;

    final String service;
    final Class<?> application;
    final int port;
    final List<String> prefixes;

    LocalService(String service, Class<?> application, int port, String... prefixes) {
        this.service = service;
        this.application = application;
        this.port = port;
        this.prefixes = List.of(prefixes);
    }

    public String serviceName() {
        return service;
    }
}
