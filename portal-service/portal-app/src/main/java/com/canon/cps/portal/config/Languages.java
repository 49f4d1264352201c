package com.canon.cps.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Sets the page language for this session (the {@code ?lang=} parameter, or the account's language at login). */
public final class Languages {

    private Languages() {}

    public static void choose(HttpServletRequest request, HttpServletResponse response, Locale language) {
        RequestContextUtils.getLocaleResolver(request).setLocale(request, response, language);
    }

    public static Locale of(String code) {
        return "de".equals(code) ? Locale.GERMAN : Locale.ENGLISH;
    }
}
