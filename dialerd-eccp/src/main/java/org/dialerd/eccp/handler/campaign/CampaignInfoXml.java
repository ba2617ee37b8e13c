package org.dialerd.eccp.handler.campaign;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.ExternalUrl;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.FormField;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.text.HtmlEntities;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The body of getcampaigninfo, element for element as the reference writes it:
 * <pre>{@code
 * <getcampaigninfo_response><name/><type/><startdate>2026-01-01</startdate><enddate/>
 *   <working_time_starttime>08:00:00</working_time_starttime><working_time_endtime/><queue/>
 *   [outgoing: <retries/>[<trunk/>]<context/><maxchan/>]<status/><script/><urltemplate/><urlopentype/>
 *   <forms><form id name? description? status><field order id><label/><type/>[<maxsize>250</maxsize>]
 *     [<options><value/>…</options> | <default_value/>]</field>…</form>…</forms>
 * </getcampaigninfo_response>
 * }</pre>
 */
public final class CampaignInfoXml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int MAX_SIZE = 250;
    private static final List<String> TYPES_WITHOUT_MAX_SIZE = List.of("LABEL", "DATE");

    /** The last body written per campaign, with the campaign it was made from (compared by identity). */
    private static final java.util.Map<Long, Written> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    private record Written(Campaign campaign, XmlElement body) {}

    private CampaignInfoXml() {
    }

    /**
     * {@link #toXml}, built and serialized once per campaign object: the reference snapshot's campaigns
     * are immutable and replaced (new objects) when their tables change, so the same object always
     * has the same body. A campaign read from the database (no snapshot) is a new object each time
     * and is built again. Keeps one body per campaign id and type.
     */
    public static XmlElement toXmlOnce(Campaign campaign) {
        long key = ((long) campaign.type().ordinal() << 32) | (campaign.id() & 0xFFFFFFFFL);
        Written last = WRITTEN.get(key);
        if (last != null && last.campaign() == campaign) {
            return last.body();
        }
        XmlElement body = toXml(campaign).written();
        WRITTEN.put(key, new Written(campaign, body));
        return body;
    }

    public static XmlElement toXml(Campaign campaign) {
        XmlElement.Builder xml = XmlElement.builder(RequestName.GETCAMPAIGNINFO.responseName())
                .add("name", campaign.name())
                .add("type", CampaignWords.word(campaign.type()))
                .add("startdate", DATE.format(campaign.startDate()))
                .add("enddate", DATE.format(campaign.endDate()))
                .add("working_time_starttime", TIME.format(campaign.dailyStart()))
                .add("working_time_endtime", TIME.format(campaign.dailyEnd()))
                .add("queue", campaign.queue().orElse(""));
        campaign.dialing().ifPresent(dialing -> xml
                .add("retries", dialing.retries())
                .addIfPresent("trunk", dialing.trunk().orElse(null))
                .add("context", dialing.context())
                .add("maxchan", dialing.maxChannels()));
        // The web UI's editor stores the script with HTML entities; the reference decodes them
        // with html_entity_decode(ENT_COMPAT), so &#39; stays as written.
        xml.add("status", CampaignWords.statusWord(campaign.status()))
                .add("script", HtmlEntities.decode(campaign.script(), HtmlEntities.Quotes.DOUBLE))
                .add("urltemplate", campaign.url().map(ExternalUrl::template).orElse(""))
                .add("urlopentype", campaign.url().map(ExternalUrl::openType).orElse(""));
        XmlElement.Builder forms = XmlElement.builder("forms");
        campaign.forms().forEach(form -> forms.add(form(form)));
        return xml.add(forms.build()).build();
    }

    static XmlElement form(Form form) {
        XmlElement.Builder xml = XmlElement.builder("form").attribute("id", form.id());
        if (!form.name().isEmpty()) {
            xml.attribute("name", form.name());
        }
        if (!form.description().isEmpty()) {
            xml.attribute("description", form.description());
        }
        xml.attribute("status", form.status());
        form.fields().forEach(field -> xml.add(field(field)));
        return xml.build();
    }

    static XmlElement field(FormField field) {
        XmlElement.Builder xml = XmlElement.builder("field")
                .attribute("order", field.order())
                .attribute("id", field.id())
                .add("label", field.label())
                .add("type", field.type());
        if (!TYPES_WITHOUT_MAX_SIZE.contains(field.type())) {
            xml.add("maxsize", MAX_SIZE);
        }
        if (field.type().equals("LIST")) {
            XmlElement.Builder options = XmlElement.builder("options");
            options(field.value()).forEach(option -> options.add("value", option));
            xml.add(options.build());
        } else {
            String defaultValue = phpTrim(field.value());
            if (!defaultValue.isEmpty()) {
                xml.add("default_value", defaultValue);
            }
        }
        return xml.build();
    }

    /** The web UI stores LIST options with one trailing comma, which is not an option. */
    static List<String> options(String stored) {
        String list = stored.endsWith(",") ? stored.substring(0, stored.length() - 1) : stored;
        return Arrays.asList(list.split(",", -1));
    }

    /** PHP's trim(): only space, tab, newline, carriage return, NUL and vertical tab. */
    static String phpTrim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPhpSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPhpSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPhpSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\u000B';
    }
}
