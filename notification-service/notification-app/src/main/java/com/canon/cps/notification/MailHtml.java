package com.canon.cps.notification;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of an e-mail, built from the same rendered text as the plain-text part: the title as a heading, each
 * paragraph of the text (blank-line separated; line breaks kept), a button per link before the closing paragraph, and
 * the footer. Every text is HTML-escaped (Spring's {@link HtmlUtils}); the links' URLs become anchors where the text
 * shows them. For e-mail clients: layout tables, inline styles only, no images, web fonts or other external resources.
 */
final class MailHtml {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final String RED = "#cc0000";

    private MailHtml() {}

    /** A link shown as a button: its label (already in the mail's language) and where it leads. */
    record Button(String label, String url) {}

    static String render(
            String language, String subject, String title, String text, List<Button> buttons, String footer) {
        List<String> paragraphs = List.of(text.strip().split("\n\\s*\n"));
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language))
                .append("\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(subject))
                .append("</title>\n</head>\n<body style=\"margin:0;padding:0;background-color:#f2f2f2;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"background-color:#f2f2f2;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" style=\"width:100%;max-width:600px;background-color:#ffffff;")
                .append(FONT)
                .append("font-size:15px;line-height:1.5;color:#1a1a1a;\">\n")
                .append("<tr><td style=\"background-color:")
                .append(RED)
                .append(";color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;")
                .append(FONT)
                .append("\">Canon Professional Services</td></tr>\n<tr><td style=\"padding:24px;\">\n")
                .append("<h1 style=\"margin:0 0 16px 0;font-size:20px;line-height:1.3;")
                .append(FONT)
                .append("\">")
                .append(escape(title))
                .append("</h1>\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i == paragraphs.size() - 1) {
                for (Button button : buttons) {
                    button(html, button);
                }
            }
            html.append("<p style=\"margin:0 0 16px 0;\">")
                    .append(linked(escape(paragraphs.get(i)).replace("\n", "<br>\n"), buttons))
                    .append("</p>\n");
        }
        html.append("</td></tr>\n<tr><td style=\"padding:16px 24px;border-top:1px solid #e0e0e0;font-size:12px;")
                .append("color:#595959;")
                .append(FONT)
                .append("\">")
                .append(escape(footer))
                .append("</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void button(StringBuilder html, Button button) {
        html.append("<p style=\"margin:24px 0;\"><a href=\"")
                .append(escape(button.url()))
                .append("\" style=\"display:inline-block;background-color:")
                .append(RED)
                .append(";color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:4px;")
                .append(FONT)
                .append("\">")
                .append(escape(button.label()))
                .append("</a></p>\n");
    }

    /** The escaped paragraph with each link's (escaped) URL turned into an anchor. */
    private static String linked(String escapedParagraph, List<Button> buttons) {
        String result = escapedParagraph;
        for (Button button : buttons) {
            String url = escape(button.url());
            result = result.replace(url, "<a href=\"" + url + "\" style=\"color:" + RED + ";\">" + url + "</a>");
        }
        return result;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
