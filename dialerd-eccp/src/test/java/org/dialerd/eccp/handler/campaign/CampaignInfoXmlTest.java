package org.dialerd.eccp.handler.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dialerd.core.store.CampaignStore.FormField;
import org.junit.jupiter.api.Test;

class CampaignInfoXmlTest {
    @Test
    void dropsOnlyOneTrailingCommaOfAList() {
        assertEquals(List.of("Efectivo", "Tarjeta", "Cheque"), CampaignInfoXml.options("Efectivo,Tarjeta,Cheque,"));
        assertEquals(List.of("a", ""), CampaignInfoXml.options("a,,"));
        assertEquals(List.of("a", "", "b"), CampaignInfoXml.options("a,,b"));
        assertEquals(List.of(""), CampaignInfoXml.options(""));
        assertEquals(List.of(""), CampaignInfoXml.options(","));
    }

    @Test
    void anEmptyListStillHasOneEmptyOption() {
        assertEquals("<field order=\"1\" id=\"7\"><label>L</label><type>LIST</type><maxsize>250</maxsize>"
                + "<options><value/></options></field>",
                CampaignInfoXml.field(new FormField(7, 1, "L", "LIST", "")).toString());
    }

    @Test
    void trimsDefaultValuesLikePhp() {
        assertEquals("x", CampaignInfoXml.phpTrim(" \t\n\r\0\u000Bx \u000B"));
        assertEquals("\u00A0x\f", CampaignInfoXml.phpTrim("\u00A0x\f"));
        assertEquals("<field order=\"2\" id=\"3\"><label>T</label><type>TEXT</type><maxsize>250</maxsize>"
                + "<default_value>0</default_value></field>",
                CampaignInfoXml.field(new FormField(3, 2, "T", "TEXT", " 0 ")).toString());
        assertEquals("<field order=\"2\" id=\"3\"><label>T</label><type>TEXT</type><maxsize>250</maxsize></field>",
                CampaignInfoXml.field(new FormField(3, 2, "T", "TEXT", " \n ")).toString());
    }

    @Test
    void typesAreCaseSensitiveAsInTheReference() {
        assertEquals("<field order=\"1\" id=\"1\"><label>D</label><type>date</type><maxsize>250</maxsize>"
                + "<default_value>a,b</default_value></field>",
                CampaignInfoXml.field(new FormField(1, 1, "D", "date", "a,b")).toString());
    }
}
