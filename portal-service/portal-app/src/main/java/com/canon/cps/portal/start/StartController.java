package com.canon.cps.portal.start;

import com.canon.cps.portal.session.PortalSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: what a Business Account and CPS are, and the way in; a signed-in person goes straight to work. */
@Controller
class StartController {

    private final PortalSession session;

    StartController(PortalSession session) {
        this.session = session;
    }

    @GetMapping("/")
    String start() {
        return session.current()
                .map(who -> who.isOperator() ? "redirect:/back-office" : "redirect:/products")
                .orElse("start");
    }
}
