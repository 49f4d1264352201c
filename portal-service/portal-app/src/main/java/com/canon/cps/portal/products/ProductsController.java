package com.canon.cps.portal.products;

import com.canon.cps.portal.client.AccountApi;
import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.PointsApi;
import com.canon.cps.portal.client.ProductApi;
import com.canon.cps.portal.client.Reads;
import com.canon.cps.portal.client.ServiceUnavailable;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.web.FormErrors;
import com.canon.cps.portal.web.Formats;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * MY PRODUCTS (seed "Produktregistrierung"): the registrations with their points and green ticks, the balance, the
 * invitation at 500 points, MIGRATE PRODUCTS when the old CPS e-mail was given; register, view (what is missing),
 * complete and deregister. The balance comes from points-service and may be down on its own: the list still shows.
 */
@Controller
class ProductsController {

    private static final Map<String, String> NO_RENAMES = Map.of();

    private final ProductApi products;
    private final PointsApi points;
    private final AccountApi accounts;
    private final Formats formats;
    private final Reads reads;
    private final PortalSession session;

    ProductsController(
            ProductApi products,
            PointsApi points,
            AccountApi accounts,
            Formats formats,
            Reads reads,
            PortalSession session) {
        this.products = products;
        this.points = points;
        this.accounts = accounts;
        this.formats = formats;
        this.reads = reads;
        this.session = session;
    }

    @ModelAttribute("section")
    String section() {
        return "products";
    }

    @GetMapping("/products")
    String list(Model model) {
        try (Reads.Scope scope = reads.scope()) {
            // right after this session changed its products the balance is read after them (their read waits for
            // product-service's projections), so the points the change earned have had that time to arrive through
            // Kafka; otherwise all three at once
            boolean changed = session.readsAfterWrite("product");
            Reads.Pending<PointsApi.Points> balance = changed ? null : scope.start(this::pointsOrNothing);
            Reads.Pending<ProductApi.Migration> pendingMigration = scope.start(this::migrationOrNothing);
            model.addAttribute("products", products.products());
            model.addAttribute("points", changed ? pointsOrNothing() : balance.get());
            ProductApi.Migration migration = pendingMigration.get();
            model.addAttribute("migration", migration);
            if (migration != null && "NOT_AVAILABLE".equals(migration.status())) {
                try {
                    AccountApi.MyAccount me = accounts.me();
                    // the old e-mail was given but not yet proven with its code: say so instead of "not given"
                    model.addAttribute("legacyUnproven", me.legacyCpsEmailProvided() && !me.legacyCpsEmailConfirmed());
                } catch (ServiceUnavailable | ApiProblem e) {
                    model.addAttribute("migration", null);
                }
            }
        }
        return "products";
    }

    private PointsApi.Points pointsOrNothing() {
        try {
            return points.points();
        } catch (ServiceUnavailable | ApiProblem e) {
            return null; // the page says the points are not available right now
        }
    }

    private ProductApi.Migration migrationOrNothing() {
        try {
            return products.migration();
        } catch (ServiceUnavailable | ApiProblem e) {
            return null;
        }
    }

    /** Every change of the balance, newest first, with its reason. */
    @GetMapping("/products/points")
    String pointsHistory(Model model) {
        model.addAttribute("history", points.history());
        model.addAttribute("products", products.products());
        return "points-history";
    }

    @GetMapping("/products/new")
    String registerForm(Model model) {
        model.addAttribute("form", ProductForm.empty());
        model.addAttribute("catalog", products.catalog());
        return "product-new";
    }

    @PostMapping("/products/new")
    String register(
            @Valid @ModelAttribute("form") ProductForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.modelCode() == null || form.modelCode().isBlank()) {
            FormErrors.at(result, "product", "modelCode", "missing");
        }
        if (form.hasUnreadableDate()) {
            FormErrors.at(result, "product", "purchaseDate", "format");
        }
        if (!result.hasErrors()) {
            try {
                ProductApi.Product registered = products.register(form.registration());
                redirect.addFlashAttribute("registered", registered.name());
                return "redirect:/products";
            } catch (ApiProblem problem) {
                if (problem.status() == 409) {
                    FormErrors.at(result, "product", "serialNumber", "taken");
                } else {
                    FormErrors.reject(result, "product", problem, NO_RENAMES);
                }
            }
        }
        model.addAttribute("catalog", products.catalog());
        return "product-new";
    }

    @GetMapping("/products/{productId}")
    String view(@PathVariable String productId, Model model) {
        ProductApi.Product product = find(productId);
        model.addAttribute("product", product);
        model.addAttribute(
                "form",
                new ProductForm(
                        product.modelCode(),
                        product.serialNumber() == null ? "" : product.serialNumber(),
                        product.purchaseDate() == null ? "" : formats.date(product.purchaseDate()),
                        product.purchaseDateEstimated(),
                        product.countryOfPurchase() == null ? "" : product.countryOfPurchase(),
                        product.dealer() == null ? "" : product.dealer(),
                        product.dealerEstimated()));
        return "product";
    }

    @PostMapping("/products/{productId}")
    String complete(
            @PathVariable String productId,
            @Valid @ModelAttribute("form") ProductForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.hasUnreadableDate()) {
            FormErrors.at(result, "product", "purchaseDate", "format");
        }
        if (!result.hasErrors()) {
            try {
                products.update(productId, form.details());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/products/" + productId;
            } catch (ApiProblem problem) {
                if (problem.status() == 404) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                if (problem.status() == 409) {
                    FormErrors.at(result, "product", "serialNumber", "taken");
                } else {
                    FormErrors.reject(result, "product", problem, NO_RENAMES);
                }
            }
        }
        model.addAttribute("product", find(productId));
        return "product";
    }

    @PostMapping("/products/{productId}/deregister")
    String deregister(@PathVariable String productId, RedirectAttributes redirect) {
        ProductApi.Product product = find(productId);
        try {
            products.deregister(productId);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
        }
        redirect.addFlashAttribute("deregistered", product.name());
        return "redirect:/products";
    }

    @PostMapping("/products/migrate")
    String migrate(RedirectAttributes redirect) {
        try {
            ProductApi.Migrated migrated = products.migrate();
            redirect.addFlashAttribute("migrated", migrated.migratedProductCount());
            redirect.addFlashAttribute("skipped", migrated.skipped());
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("migrationRefused", true);
        }
        return "redirect:/products";
    }

    /** A registration of the signed-in member (the service answers only the member's own). */
    private ProductApi.Product find(String productId) {
        List<ProductApi.Product> mine = products.products();
        return mine.stream()
                .filter(p -> p.productId().equals(productId))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
