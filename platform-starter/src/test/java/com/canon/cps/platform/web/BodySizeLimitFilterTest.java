package com.canon.cps.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 16, finding 7: a body labelled multipart is capped too, by the multipart limit. */
class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(100, 1_000);

    private static MockHttpServletRequest request(String contentType, int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/billing/bank-statements");
        request.setContentType(contentType);
        request.setContent(new byte[size]);
        return request;
    }

    @Test
    void aMultipartBody_overTheMultipartLimit_getsA413Problem_beforeItIsRead() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("multipart/form-data; boundary=x", 1_001), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(chain.getRequest()).isNull();
        MockHttpServletResponse mixed = new MockHttpServletResponse();
        filter.doFilter(request("multipart/mixed; boundary=x", 5_000), mixed, new MockFilterChain());
        assertThat(mixed.getStatus()).isEqualTo(413);
    }

    @Test
    void aMultipartBody_withinItsLimit_passes_butIsCountedWhileRead() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("multipart/form-data; boundary=x");
        chunked.setContent(new byte[1_500]);
        filter.doFilter(chunked, response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
                .isInstanceOf(PayloadTooLargeException.class);

        MockFilterChain small = new MockFilterChain();
        filter.doFilter(request("multipart/form-data; boundary=x", 900), new MockHttpServletResponse(), small);
        assertThat(small.getRequest().getInputStream().readAllBytes()).hasSize(900);
    }

    @Test
    void otherBodies_keepTheirOwnLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("application/xml", 101), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("application/json", 100), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
