package com.canon.cps.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The page language: {@code ?lang=de|en} on any page (kept for the session), else the browser's
 * {@code Accept-Language}, else English; after login the account's language (set by the login page).
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> {
            Locale preferred = Locale.lookup(
                    Locale.LanguageRange.parse(
                            request.getHeader("Accept-Language") == null ? "en" : request.getHeader("Accept-Language")),
                    LANGUAGES);
            return preferred == null ? Locale.ENGLISH : preferred;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageParameter());
    }

    /** {@code ?lang=}: only the two languages the portal has; anything else is ignored. */
    static final class LanguageParameter implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            if (lang != null) {
                LANGUAGES.stream()
                        .filter(l -> l.getLanguage().equals(lang))
                        .findFirst()
                        .ifPresent(l -> Languages.choose(request, response, l));
            }
            return true;
        }
    }
}
