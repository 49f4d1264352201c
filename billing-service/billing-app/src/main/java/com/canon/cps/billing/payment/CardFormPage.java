package com.canon.cps.billing.payment;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the simulator's hosted card form: one self-contained page (no scripts, no external assets, an inline
 * style sheet), with a visible label for every field, the problem of a field as a sentence next to it (linked with
 * {@code aria-describedby}), one {@code main} and one {@code h1}. Every value from the request is HTML-escaped.
 */
final class CardFormPage {

    static final String PATH = "/payment-gateway-simulator/card-form";

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;\
            background:#f3f4f6;line-height:1.5}
            main{max-width:28rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d1d5db;\
            border-radius:8px}
            h1{font-size:1.4rem;margin:0 0 .5rem}
            h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
            .field{margin:1rem 0}
            label{display:block;font-weight:600;margin-bottom:.25rem}
            input{box-sizing:border-box;width:100%;padding:.5rem;font-size:1rem;border:1px solid #6b7280;border-radius:4px}
            input[aria-invalid=true]{border:2px solid #b91c1c}
            input:focus,button:focus,a:focus{outline:3px solid #1d4ed8;outline-offset:2px}
            .error{color:#b91c1c;margin:.25rem 0 0;font-weight:600}
            .actions{display:flex;gap:1.5rem;align-items:center;margin-top:1.5rem}
            button{padding:.6rem 1.5rem;font-size:1rem;font-weight:600;color:#fff;background:#1d4ed8;border:0;\
            border-radius:4px;cursor:pointer}
            a{color:#1d4ed8}
            .note{font-size:.9rem;color:#374151}
            """;

    private CardFormPage() {}

    /**
     * The form.
     *
     * @param expiry the expiry date typed before, shown again (the card number and CVC never are)
     * @param problems a sentence per field name ({@link CardEntry.Field#htmlName()}) that was refused
     */
    static String form(
            CardFormText t,
            ReturnUrl returnUrl,
            String state,
            String expiry,
            Map<CardEntry.Field, CardEntry.Problem> problems) {
        String cancel = returnUrl.with("error", "cancelled", "state", state);
        StringBuilder html = new StringBuilder(4096);
        head(html, t, t.title());
        html.append("<h1>").append(e(t.title())).append("</h1>\n");
        html.append("<p>").append(e(t.intro())).append("</p>\n");
        html.append("<form method=\"post\" action=\"").append(PATH).append("\" novalidate>\n");
        hidden(html, "return_url", returnUrl.uri().toString());
        if (state != null) {
            hidden(html, "state", state);
        }
        hidden(html, "locale", t.language());
        field(html, CardEntry.Field.CARD_NUMBER, t.cardNumber(), "", "cc-number", "numeric", problems, t);
        field(html, CardEntry.Field.EXPIRY, t.expiry(), expiry, "cc-exp", "text", problems, t);
        field(html, CardEntry.Field.CVC, t.cvc(), "", "cc-csc", "numeric", problems, t);
        html.append("<div class=\"actions\">\n<button type=\"submit\">")
                .append(e(t.authorise()))
                .append("</button>\n<a href=\"")
                .append(e(cancel))
                .append("\">")
                .append(e(t.cancel()))
                .append("</a>\n</div>\n</form>\n");
        html.append("<section aria-labelledby=\"test-cards\">\n<h2 id=\"test-cards\">")
                .append(e(t.testCards()))
                .append("</h2>\n<p class=\"note\">")
                .append(e(t.testCardsIntro()))
                .append("</p>\n<ul class=\"note\">\n");
        for (TestCard card : TestCard.values()) {
            html.append("<li>")
                    .append(card.displayNumber())
                    .append(": ")
                    .append(e(t.outcome(card)))
                    .append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
        return foot(html);
    }

    /** A page that only explains why the form cannot be used. */
    static String problem(CardFormText t, String sentence) {
        StringBuilder html = new StringBuilder(1024);
        head(html, t, t.problemTitle() + " – " + t.title());
        html.append("<h1>").append(e(t.problemTitle())).append("</h1>\n");
        html.append("<p>").append(e(sentence)).append("</p>\n");
        return foot(html);
    }

    private static void head(StringBuilder html, CardFormText t, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(t.language())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(e(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    private static String foot(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(e(value))
                .append("\">\n");
    }

    private static void field(
            StringBuilder html,
            CardEntry.Field field,
            String label,
            String value,
            String autocomplete,
            String inputMode,
            Map<CardEntry.Field, CardEntry.Problem> problems,
            CardFormText t) {
        String id = field.htmlName();
        CardEntry.Problem problem = problems.get(field);
        html.append("<div class=\"field\">\n<label for=\"")
                .append(id)
                .append("\">")
                .append(e(label))
                .append("</label>\n<input id=\"")
                .append(id)
                .append("\" name=\"")
                .append(id)
                .append("\" type=\"text\" inputmode=\"")
                .append(inputMode)
                .append("\" autocomplete=\"")
                .append(autocomplete)
                .append("\" required");
        if (value != null && !value.isEmpty()) {
            html.append(" value=\"").append(e(value)).append('"');
        }
        if (problem != null) {
            html.append(" aria-invalid=\"true\" aria-describedby=\"").append(id).append("-error\"");
        }
        html.append(">\n");
        if (problem != null) {
            html.append("<p id=\"")
                    .append(id)
                    .append("-error\" class=\"error\">")
                    .append(e(t.problem(problem)))
                    .append("</p>\n");
        }
        html.append("</div>\n");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
