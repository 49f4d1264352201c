package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The card form's return URL: absolute http(s) only; parameters appended to the query, before the fragment. */
class ReturnUrlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/subscriptions/payment/card",
                "https://portal.example/return?x=1",
                "HTTPS://portal.example"
            })
    void httpAndHttpsUrls_areAccepted(String url) {
        assertThat(ReturnUrl.parse(url)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "/subscriptions/payment",
                "//evil.example/x",
                "ftp://portal.example/x",
                "data:text/html,hi",
                "http:///nohost",
                "http://user:pw@portal.example/",
                "http://portal.example/a b",
                "mailto:a@b.example"
            })
    void anythingElse_isRefused(String url) {
        assertThat(ReturnUrl.parse(url)).isEmpty();
    }

    @Test
    void tooLong_isRefused() {
        assertThat(ReturnUrl.parse("https://portal.example/" + "a".repeat(ReturnUrl.MAX_LENGTH)))
                .isEmpty();
    }

    @Test
    void parameters_areAppendedFormEncoded_beforeTheFragment() {
        ReturnUrl plain = ReturnUrl.parse("http://localhost:8080/pay").orElseThrow();
        ReturnUrl query =
                ReturnUrl.parse("https://portal.example/pay?step=card#top").orElseThrow();

        assertThat(plain.with("token", "tok_abc", "state", "s 1+2&x=é"))
                .isEqualTo("http://localhost:8080/pay?token=tok_abc&state=s+1%2B2%26x%3D%C3%A9");
        assertThat(query.with("error", "cancelled", "state", null))
                .isEqualTo("https://portal.example/pay?step=card&error=cancelled#top");
        assertThat(ReturnUrl.parse("https://portal.example/pay?").orElseThrow().with("a", "1", "b", "2"))
                .isEqualTo("https://portal.example/pay?a=1&b=2");
    }

    @Test
    void origin_isSchemeHostAndPort() {
        assertThat(ReturnUrl.parse("http://localhost:8080/pay?x=1")
                        .orElseThrow()
                        .origin())
                .isEqualTo("http://localhost:8080");
        assertThat(ReturnUrl.parse("HTTPS://portal.example/pay").orElseThrow().origin())
                .isEqualTo("https://portal.example");
    }
}
