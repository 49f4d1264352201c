package com.canon.cps.account.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String password) {}
