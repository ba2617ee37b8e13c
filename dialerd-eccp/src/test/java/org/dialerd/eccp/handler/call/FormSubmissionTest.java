package org.dialerd.eccp.handler.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialerd.core.store.CallStore.FieldValue;
import org.dialerd.core.store.CallStore.FormField;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class FormSubmissionTest {
    /** The seed's forms 1 and 2 (eccp-traces/seed.md). */
    private static final List<FormField> FIELDS = List.of(
            new FormField(1, 1, "Nombre del cliente", "", "TEXT", 1),
            new FormField(2, 1, "Producto", "aaa,bbb,ccc", "LIST", 2),
            new FormField(3, 1, "Fecha de visita", "", "DATE", 3),
            new FormField(4, 1, "Comentarios", "Sin comentarios", "TEXTAREA", 4),
            new FormField(5, 1, "Datos adicionales", "", "LABEL", 5),
            new FormField(6, 1, "Ciudad", "Guayaquil", "TEXT", 6),
            new FormField(8, 2, "Forma de pago", "Efectivo,Tarjeta,Cheque,", "LIST", 1),
            new FormField(7, 2, "Monto (USD)", "", "TEXT", 2));

    private static XmlElement field(Object id, String value) {
        return XmlElement.builder("field").attribute("id", id).text(value).build();
    }

    private static XmlElement form(Object id, XmlElement... fields) {
        return XmlElement.builder("form").attribute("id", id).addAll(List.of(fields)).build();
    }

    private static FormSubmission submission(XmlElement... forms) {
        return FormSubmission.parse(XmlElement.of("forms", forms));
    }

    private static EccpFailure refusal(FormSubmission submission) {
        return assertThrows(EccpFailure.class, () -> submission.validate(FIELDS));
    }

    private static void assertRefused(int code, String message, FormSubmission submission) {
        EccpFailure failure = refusal(submission);
        assertEquals(code, failure.code());
        assertEquals(message, failure.getMessage());
        assertTrue(failure.isWrapped());
    }

    @Test
    void acceptsValidValuesInRequestOrderAndSkipsLabels() {
        FormSubmission submission = submission(
                form(1, field(1, "Zoila Chacha"), field(2, "ccc"), field(3, "2026-12-01"), field(5, "ignored"),
                        field(6, "")),
                form(2, field(8, "Cheque"), field(7, "12.50")));

        assertEquals(List.of(1L, 2L), List.copyOf(submission.formIds()));
        assertEquals(List.of(new FieldValue(1, "Zoila Chacha"), new FieldValue(2, "ccc"),
                new FieldValue(3, "2026-12-01"), new FieldValue(6, ""), new FieldValue(8, "Cheque"),
                new FieldValue(7, "12.50")), submission.validate(FIELDS));
    }

    @Test
    void refusesRepeatedFormIdsAtTopLevel() {
        EccpFailure failure = assertThrows(EccpFailure.class,
                () -> submission(form(1, field(1, "a")), form("01", field(1, "b"))));
        assertEquals(400, failure.code());
        assertFalse(failure.isWrapped());
    }

    @Test
    void repeatedFieldKeepsItsPlaceAndTakesTheLastValue() {
        FormSubmission submission = submission(form(1, field(1, "first"), field(4, "x"), field(1, "last")));
        assertEquals(List.of(new FieldValue(1, "last"), new FieldValue(4, "x")), submission.validate(FIELDS));
    }

    @Test
    void emptyFormsAreAcceptedWithNothingToStore() {
        assertEquals(List.of(), submission().validate(FIELDS));
        assertEquals(List.of(), submission(form(99)).validate(FIELDS));
    }

    @Test
    void refusesUnknownFormsAndFields() {
        assertRefused(404, "Form ID not found: 99", submission(form(99, field(1, "x"))));
        assertRefused(404, "Form ID not found: 0", submission(form("abc", field(1, "x"))));
        assertRefused(404, "Field ID not found in form: 1 - 999", submission(form(1, field(999, "x"))));
        assertRefused(404, "Field ID not found in form: 1 - 7", submission(form(1, field(7, "x"))));
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        assertEquals(1, submission(form(1, field(1, "y".repeat(250)))).validate(FIELDS).size());
        assertRefused(413, "Form value too large: 1 - 1", submission(form(1, field(1, "x".repeat(251)))));
        assertEquals(1, submission(form(1, field(1, "ñ".repeat(125)))).validate(FIELDS).size());
        assertRefused(413, "Form value too large: 1 - 1", submission(form(1, field(1, "ñ".repeat(126)))));
    }

    @Test
    void labelFieldsAreSkippedBeforeTheSizeCheck() {
        assertEquals(List.of(), submission(form(1, field(5, "x".repeat(300)))).validate(FIELDS));
    }

    @Test
    void acceptsOnlyTheDateShapeTheReferenceAccepts() {
        String message = "Date format not acceptable, must be yyyy-mm-dd or yyyy-mm-dd hh:mm:ss: 1 - 3";
        assertRefused(406, message, submission(form(1, field(3, "30/11/2026"))));
        assertRefused(406, message, submission(form(1, field(3, "2026-11-30 10:00:00"))));
        assertEquals(1, submission(form(1, field(3, ""))).validate(FIELDS).size());
        assertEquals(1, submission(form(1, field(3, "2026-11-30\n"))).validate(FIELDS).size());
    }

    @Test
    void listValuesMustBeAnOptionAndTheTrailingCommaIsNoOption() {
        String message = "Value not in list of accepted values: ";
        assertRefused(406, message + "1 - 2", submission(form(1, field(2, "zzz"))));
        assertRefused(406, message + "1 - 2", submission(form(1, field(2, ""))));
        assertRefused(406, message + "2 - 8", submission(form(2, field(8, ""))));
        assertEquals(1, submission(form(2, field(8, "Efectivo"))).validate(FIELDS).size());
    }

    @Test
    void listValuesAreComparedLikePhp() {
        List<FormField> numeric = List.of(new FormField(1, 1, "Cantidad", "1,2,10,", "LIST", 1));
        assertEquals(List.of(new FieldValue(1, "01")),
                submission(form(1, field(1, "01"))).validate(numeric));
        assertThrows(EccpFailure.class, () -> submission(form(1, field(1, "3"))).validate(numeric));
    }

    @Test
    void firstInvalidValueWins() {
        assertRefused(406, "Value not in list of accepted values: 1 - 2",
                submission(form(1, field(1, "ok"), field(2, "zzz"), field(3, "bad"))));
        assertRefused(404, "Form ID not found: 9",
                submission(form(9, field(1, "x")), form(1, field(2, "zzz"))));
    }
}
