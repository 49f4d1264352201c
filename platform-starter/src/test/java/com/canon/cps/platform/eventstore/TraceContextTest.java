package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00",
            })
    void aW3cTraceparentOfVersion00IsValid(String traceparent) {
        assertThat(TraceContext.valid(traceparent)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // another version
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper case
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // trace id one short
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011", // one too long
                "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01", // separator
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01", // separator
                "00-4bf92f3577b34da6a3ce929d0e0e47g6-00f067aa0ba902b7-01", // not hex
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0z", // flags not hex
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba9-2b7-01", // a dash in the span id
            })
    void anythingElseIsNot(String traceparent) {
        assertThat(TraceContext.valid(traceparent)).isFalse();
    }
}
