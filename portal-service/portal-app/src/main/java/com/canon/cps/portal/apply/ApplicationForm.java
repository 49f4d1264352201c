package com.canon.cps.portal.apply;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** The application form as typed, with the evidence document (uploaded to verification-service on submit). */
record ApplicationForm(
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Size(max = 200) String line1,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 2) String country,
        @NotBlank @Size(max = 200) String contactName,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Pattern(regexp = "en|de") String language,
        @NotBlank @Pattern(regexp = "|yes|no") String vatLiable,
        @Size(max = 32) String vatId,
        @Size(max = 40) String documentType,
        @Email @Size(max = 320) String legacyCpsEmail,
        @AssertTrue Boolean authorised,
        MultipartFile document) {

    static ApplicationForm empty(String language) {
        return new ApplicationForm("", "", "", "", "", "", "", language, "", "", "", "", false, null);
    }

    boolean hasDocument() {
        return document != null && !document.isEmpty();
    }

    boolean isVatLiable() {
        return "yes".equals(vatLiable);
    }

    boolean hasVatId() {
        return vatId != null && !vatId.isBlank();
    }
}
