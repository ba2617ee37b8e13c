package org.dialerd.eccp.handler.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dialerd.core.store.CallStore.FieldValue;
import org.dialerd.core.store.CallStore.FormField;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The {@code <forms>} of a saveformdata request and the reference's checks of its values.
 *
 * <pre>{@code
 * <forms><form id="1"><field id="1">Zoila</field><field id="3">2026-12-01</field></form></forms>
 * }</pre>
 *
 * <p>Ids are read with PHP's {@code (int)} cast (a missing or non-numeric id is 0). Two forms
 * with the same id are a top-level 400; a field repeated inside a form keeps its first
 * position and its last value. Values are checked in request order and the first failure is
 * the answer: unknown form (a form with no fields counts as unknown) or field (404), LABEL
 * fields skipped, more than {@value #MAX_VALUE_BYTES} UTF-8 bytes (413), a DATE that is not
 * {@code yyyy-mm-dd} (406; empty is fine), a LIST value not among the options (406; empty
 * is rejected unless the list has an empty option).
 */
public final class FormSubmission {
    /** form_data_recolected.value is VARCHAR(250); the reference counts bytes, not characters. */
    static final int MAX_VALUE_BYTES = 250;

    /*
     * The reference's two patterns, including the second one's missing backslash: its "time"
     * part only matches a literal "dd", so "yyyy-mm-dd hh:mm:ss" is refused while its message
     * offers it. PCRE's "$" also matches before one final newline.
     */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( dd:\\d{2}:\\d{2})?\\n?");

    private final Map<Long, Map<Long, String>> valuesByForm;

    private FormSubmission(Map<Long, Map<Long, String>> valuesByForm) {
        this.valuesByForm = valuesByForm;
    }

    /** Reads the {@code <form>} children; a repeated form id is a top-level 400. */
    public static FormSubmission parse(XmlElement forms) {
        Map<Long, Map<Long, String>> valuesByForm = new LinkedHashMap<>();
        for (XmlElement form : forms.childrenNamed("form")) {
            long formId = Args.phpInt(form.attribute("id").orElse(""));
            if (valuesByForm.containsKey(formId)) {
                throw EccpFailure.badRequest();
            }
            Map<Long, String> values = new LinkedHashMap<>();
            for (XmlElement field : form.childrenNamed("field")) {
                values.put(Args.phpInt(field.attribute("id").orElse("")), field.text());
            }
            valuesByForm.put(formId, values);
        }
        return new FormSubmission(valuesByForm);
    }

    /** Every form id the request names, in request order. */
    public Set<Long> formIds() {
        return Collections.unmodifiableSet(valuesByForm.keySet());
    }

    /**
     * The values to store, LABEL fields left out; the first invalid value is thrown as a
     * wrapped {@link EccpFailure}.
     *
     * @param definitions the fields of (at least) every form in {@link #formIds()}
     */
    public List<FieldValue> validate(List<FormField> definitions) {
        Map<Long, Map<Long, FormField>> fieldsByForm = new HashMap<>();
        for (FormField field : definitions) {
            fieldsByForm.computeIfAbsent(field.formId(), id -> new HashMap<>()).put(field.id(), field);
        }
        List<FieldValue> accepted = new ArrayList<>();
        valuesByForm.forEach((formId, values) -> values.forEach((fieldId, value) -> {
            Map<Long, FormField> fields = fieldsByForm.get(formId);
            if (fields == null) {
                throw EccpFailure.wrapped(404, "Form ID not found: " + formId);
            }
            FormField field = fields.get(fieldId);
            if (field == null) {
                throw EccpFailure.wrapped(404, "Field ID not found in form: " + formId + " - " + fieldId);
            }
            if (field.type().equals("LABEL")) {
                return;
            }
            String where = ": " + formId + " - " + fieldId;
            if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                throw EccpFailure.wrapped(413, "Form value too large" + where);
            }
            if (field.type().equals("DATE") && !value.isEmpty() && !DATE.matcher(value).matches()) {
                throw EccpFailure.wrapped(406,
                        "Date format not acceptable, must be yyyy-mm-dd or yyyy-mm-dd hh:mm:ss" + where);
            }
            if (field.type().equals("LIST") && !isOption(value, field.value())) {
                throw EccpFailure.wrapped(406, "Value not in list of accepted values" + where);
            }
            accepted.add(new FieldValue(fieldId, value));
        }));
        return accepted;
    }

    /**
     * The options are stored comma separated, usually with one trailing comma the web UI adds
     * (dropped here, as getcampaigninfo does). Compared with PHP's loose {@code ==}.
     */
    private static boolean isOption(String value, String options) {
        String list = options.endsWith(",") ? options.substring(0, options.length() - 1) : options;
        for (String option : list.split(",", -1)) {
            if (PhpComparison.looseEquals(value, option)) {
                return true;
            }
        }
        return false;
    }
}
