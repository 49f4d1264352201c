package com.canon.cps.portal.support;

import com.canon.cps.portal.client.MembershipApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** SUPPORT (contact and the FAQs the seed refers to) and the CPS Terms & Conditions, for everyone. */
@Controller
class SupportController {

    static final int FAQS = 9;

    private final MembershipApi memberships;

    SupportController(MembershipApi memberships) {
        this.memberships = memberships;
    }

    @ModelAttribute("section")
    String section() {
        return "support";
    }

    @GetMapping("/support")
    String support(Model model) {
        model.addAttribute(
                "faqs", java.util.stream.IntStream.rangeClosed(1, FAQS).boxed().toList());
        return "support";
    }

    @GetMapping("/terms")
    String terms(Model model) {
        model.addAttribute(
                "terms", memberships.terms(LocaleContextHolder.getLocale().getLanguage()));
        return "terms";
    }
}
