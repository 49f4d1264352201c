package com.canon.cps.portal.browser;

import java.util.UUID;

/** A business that applies, with a fresh e-mail address so that tests never meet each other's data. */
record Member(String company, String contact, String email, String password) {

    static Member fresh(String company, String contact) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new Member(
                company + " " + run,
                contact,
                contact.toLowerCase().replace(' ', '.') + "." + run + "@studio.example",
                "Bright-Lenses-Shoot-2026");
    }
}
