package org.dialerd.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesMembersInOrderAndEscapesStrings() {
        String json = Json.object().put("a", "x\"y\\z\n\u0001").put("b", true).put("c", 42L)
                .put("d", Json.object().put("e", 1.5)).toString();
        assertEquals("{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"b\":true,\"c\":42,\"d\":{\"e\":1.5}}", json);
    }

    @Test
    void errorsHaveOneShape() {
        assertEquals("{\"error\":{\"code\":404,\"message\":\"Not found\"}}", Json.error(404, "Not found"));
    }

    @Test
    void refusesValuesItCannotWrite() {
        assertThrows(IllegalArgumentException.class, () -> Json.object().put("x", new Object()));
    }
}
