package com.canon.cps.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How dead letters read for operators: record headers as text or numbers, failures by their innermost cause. */
class DeadLetterTextTest {

    @Test
    void textHeaders_stayText() {
        assertThat(KafkaDeadLetters.text("cps.account.events".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("cps.account.events");
        assertThat(KafkaDeadLetters.text("Zürich\nline".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Zürich\nline");
    }

    @Test
    void theBindersBinaryNumbers_readAsNumbers() {
        assertThat(KafkaDeadLetters.text(ByteBuffer.allocate(4).putInt(3).array()))
                .isEqualTo("3");
        assertThat(KafkaDeadLetters.text(
                        ByteBuffer.allocate(8).putLong(1_795_778_890_315L).array()))
                .isEqualTo("1795778890315");
    }

    @Test
    void otherBinary_isBase64() {
        assertThat(KafkaDeadLetters.text(new byte[] {0, 1, 2})).isEqualTo("base64:AAEC");
        assertThat(KafkaDeadLetters.text(null)).isNull();
    }

    @Test
    void aFailure_isDescribedByItsInnermostCause() {
        RuntimeException failure = new RuntimeException(
                "handler failed", new IllegalStateException("wrapped", new IllegalArgumentException("the real cause")));

        assertThat(DeadLetters.describe(failure)).isEqualTo("the real cause");
        assertThat(DeadLetters.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
