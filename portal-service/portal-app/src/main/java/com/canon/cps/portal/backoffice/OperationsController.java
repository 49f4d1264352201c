package com.canon.cps.portal.backoffice;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.client.OperationsApi;
import com.canon.cps.portal.client.ServiceUnavailable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operations: every service's projections with status, position and lag, a rebuild with a live progress bar
 * (processed / total / rate / ETA, htmx polling while it runs) and cancel; the dead letters of every service, to
 * inspect, re-drive or discard with a reason. A service that is down shows as such; the others are still listed.
 */
@Controller
class OperationsController {

    private final OperationsApi operations;

    OperationsController(OperationsApi operations) {
        this.operations = operations;
    }

    @ModelAttribute("boSection")
    String section() {
        return "operations";
    }

    /** One service's part of the page; {@code down} when it did not answer. */
    record ServiceOperations(
            String service,
            boolean down,
            List<OperationsApi.Projection> projections,
            List<OperationsApi.DeadLetter> deadLetters) {}

    @GetMapping("/back-office/operations")
    String operations(Model model) {
        List<ServiceOperations> services = new ArrayList<>();
        for (String service : OperationsApi.SERVICES) {
            try {
                services.add(new ServiceOperations(
                        service, false, operations.projections(service), operations.deadLetters(service)));
            } catch (ServiceUnavailable | ApiProblem e) {
                services.add(new ServiceOperations(service, true, List.of(), List.of()));
            }
        }
        model.addAttribute("services", services);
        return "backoffice/operations";
    }

    @PostMapping("/back-office/operations/{service}/projections/{name}/rebuild")
    String rebuild(@PathVariable String service, @PathVariable String name, RedirectAttributes redirect) {
        known(service);
        try {
            operations.rebuild(service, name);
            redirect.addFlashAttribute("rebuilding", service + "/" + name);
        } catch (ApiProblem refused) {
            // 403: the operator's role may not rebuild (ADMIN only); else one is running or has just switched
            redirect.addFlashAttribute("rebuildRefused", refused.status() == 403 ? 403 : 409);
        }
        return "redirect:/back-office/operations/" + service + "/projections/" + name;
    }

    @GetMapping("/back-office/operations/{service}/projections/{name}")
    String projection(@PathVariable String service, @PathVariable String name, Model model) {
        known(service);
        model.addAttribute("service", service);
        model.addAttribute("name", name);
        model.addAttribute("rebuild", status(service, name));
        model.addAttribute("actions", operations.auditIfReadable(service, name));
        return "backoffice/rebuild";
    }

    /** The progress bar alone, polled by htmx while the rebuild runs. */
    @GetMapping("/back-office/operations/{service}/projections/{name}/progress")
    String progress(@PathVariable String service, @PathVariable String name, Model model) {
        known(service);
        model.addAttribute("service", service);
        model.addAttribute("name", name);
        model.addAttribute("rebuild", status(service, name));
        return "backoffice/rebuild :: progress";
    }

    @PostMapping("/back-office/operations/{service}/projections/{name}/cancel")
    String cancel(@PathVariable String service, @PathVariable String name, RedirectAttributes redirect) {
        known(service);
        try {
            operations.cancelRebuild(service, name);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("cancelRefused", refused.status() == 403 ? 403 : 409);
        }
        return "redirect:/back-office/operations/" + service + "/projections/" + name;
    }

    @GetMapping("/back-office/operations/{service}/dead-letters/{id}")
    String deadLetter(@PathVariable String service, @PathVariable String id, Model model) {
        known(service);
        try {
            model.addAttribute("letter", operations.deadLetter(service, id));
        } catch (ApiProblem gone) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("service", service);
        model.addAttribute("actions", operations.auditIfReadable(service, id));
        return "backoffice/dead-letter";
    }

    @PostMapping("/back-office/operations/{service}/dead-letters/{id}/redrive")
    String redrive(@PathVariable String service, @PathVariable String id, RedirectAttributes redirect) {
        known(service);
        try {
            operations.redrive(service, id);
            redirect.addFlashAttribute("redriven", id);
        } catch (ApiProblem failed) {
            redirect.addFlashAttribute("redriveFailed", id);
            return "redirect:/back-office/operations/" + service + "/dead-letters/" + id;
        }
        return "redirect:/back-office/operations#dead-letters";
    }

    @PostMapping("/back-office/operations/{service}/dead-letters/{id}/discard")
    String discard(
            @PathVariable String service,
            @PathVariable String id,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            RedirectAttributes redirect) {
        known(service);
        if (reason.isBlank()) {
            redirect.addFlashAttribute("reasonMissing", true);
            return "redirect:/back-office/operations/" + service + "/dead-letters/" + id;
        }
        operations.discard(service, id, reason.strip());
        redirect.addFlashAttribute("discarded", id);
        return "redirect:/back-office/operations#dead-letters";
    }

    private OperationsApi.Rebuild status(String service, String name) {
        try {
            return operations.rebuildStatus(service, name);
        } catch (ApiProblem neverRebuilt) {
            return null;
        }
    }

    private static void known(String service) {
        if (!OperationsApi.SERVICES.contains(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
