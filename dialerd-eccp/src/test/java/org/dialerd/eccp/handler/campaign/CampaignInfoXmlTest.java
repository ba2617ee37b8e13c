package org.dialerd.eccp.handler.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Dialing;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.FormField;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;
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

    private static Campaign campaign(String script) {
        return new Campaign(CampaignType.OUTGOING, 41, "Campa\u00f1a", LocalDate.of(2026, 11, 21),
                LocalDate.of(2027, 11, 22), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Optional.of("8000"), "A",
                script, Optional.of(new Dialing(1, Optional.empty(), "from-internal", 0)), Optional.empty(),
                List.of(new Form(3, "F", "", "A", List.of(new FormField(7, 1, "L", "LIST", "a,b,")))));
    }

    @Test
    void theSameCampaignObjectGetsTheBodyWrittenOnceAndTheSameBytes() {
        Campaign campaign = campaign("&lt;b&gt;Hola &amp;quot;");
        XmlElement body = CampaignInfoXml.toXmlOnce(campaign);

        assertSame(body, CampaignInfoXml.toXmlOnce(campaign), "one snapshot's campaign: built and written once");
        assertEquals(CampaignInfoXml.toXml(campaign), body, "the same tree (the JSON API reads it)");
        assertEquals(XmlWriter.toXml(Replies.response("9", CampaignInfoXml.toXml(campaign))),
                XmlWriter.toXml(Replies.response("9", body)), "the same bytes inside a response");
    }

    @Test
    void aNewCampaignObjectIsBuiltAgain() {
        XmlElement before = CampaignInfoXml.toXmlOnce(campaign("old"));
        Campaign changed = campaign("new"); // the next snapshot, after the web UI edited the script
        XmlElement after = CampaignInfoXml.toXmlOnce(changed);

        assertNotSame(before, after);
        assertEquals("new", after.childText("script").orElseThrow());
        assertEquals(XmlWriter.toXml(CampaignInfoXml.toXml(changed)), XmlWriter.toXml(after));
    }
}
