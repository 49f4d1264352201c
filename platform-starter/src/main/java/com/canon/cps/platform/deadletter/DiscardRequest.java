package com.canon.cps.platform.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator discards a dead letter; kept with who and when. */
public record DiscardRequest(@NotBlank @Size(max = 2000) String reason) {}
