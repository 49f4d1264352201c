package com.canon.cps.portal.web;

import com.canon.cps.portal.client.ApiProblem;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A service's problem as sentences of the page: each field error at the form field it belongs to (message key
 * {@code <form>.error.<field>}, else a general "please check" sentence), anything else at the top of the form
 * ({@code <form>.error.<status>}, else a general sentence). The service's own English text is never shown.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * @param fields the API's field names ({@code address.country}) to the form's ({@code country}); API fields not
     *     listed keep their name
     */
    public static void reject(BindingResult form, String formName, ApiProblem problem, Map<String, String> fields) {
        boolean atAField = false;
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = fields.getOrDefault(error.field(), error.field());
            if (form.getFieldType(field) == null && !hasProperty(form, field)) {
                continue;
            }
            form.addError(new FieldError(
                    form.getObjectName(),
                    field,
                    form.getFieldValue(field),
                    false,
                    new String[] {formName + ".error." + field, "error.field"},
                    null,
                    null));
            atAField = true;
        }
        if (!atAField) {
            top(form, formName, problem.status());
        }
    }

    /** A sentence at the top of the form for a status ({@code <form>.error.409}). */
    public static void top(BindingResult form, String formName, int status) {
        form.addError(new ObjectError(
                form.getObjectName(), new String[] {formName + ".error." + status, "error.request"}, null, null));
    }

    /** A sentence at one field by its own key ({@code <form>.error.<field>.<reason>}), with its arguments. */
    public static void at(BindingResult form, String formName, String field, String reason, Object... arguments) {
        form.addError(new FieldError(
                form.getObjectName(),
                field,
                form.getFieldValue(field),
                false,
                new String[] {formName + ".error." + field + "." + reason, formName + ".error." + field, "error.field"},
                arguments,
                null));
    }

    private static boolean hasProperty(BindingResult form, String field) {
        try {
            form.getFieldValue(field);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
