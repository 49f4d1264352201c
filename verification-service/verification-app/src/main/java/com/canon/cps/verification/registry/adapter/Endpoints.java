package com.canon.cps.verification.registry.adapter;

import java.net.URI;

/** Paths below a configured base URL, whether or not it ends with a slash. */
final class Endpoints {

    private Endpoints() {}

    static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }
}
