package org.dialerd.eccp.client;

import java.util.List;
import java.util.Map;
import org.dialerd.eccp.xml.XmlElement;

/**
 * How {@link EccpClient}'s typed arguments become request elements: {@code <name><k1>v1</k1>…</name>}
 * from name/value pairs (a null value leaves its child out, as the PHP client leaves out an argument
 * it was not given), the agent pair {@code agent_number}/{@code agent_hash} first for agent requests,
 * and the nested shapes (saveformdata's forms, schedulecall's schedule, agent lists).
 */
final class RequestElements {
    private RequestElements() {
    }

    /** {@code <name><k1>v1</k1>…</name>}; null values are left out. */
    static XmlElement element(String name, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        XmlElement.Builder builder = XmlElement.builder(name);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.addIfPresent((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** An agent request: {@code agent_number} and {@code agent_hash}, then the other pairs. */
    static XmlElement agentElement(String name, String agentNumber, String agentHash, Object... namesAndValues) {
        Object[] all = new Object[namesAndValues.length + 4];
        all[0] = "agent_number";
        all[1] = agentNumber;
        all[2] = "agent_hash";
        all[3] = agentHash;
        System.arraycopy(namesAndValues, 0, all, 4, namesAndValues.length);
        return element(name, all);
    }

    /** {@code <name><agents><agent_number>…</agent_number>…</agents></name>}. */
    static XmlElement withAgentList(String name, List<String> agentNumbers) {
        XmlElement.Builder agents = XmlElement.builder("agents");
        agentNumbers.forEach(agent -> agents.add("agent_number", agent));
        return XmlElement.of(name, agents.build());
    }

    /** {@code values}: form id → (field id → value). */
    static XmlElement saveFormData(String agentNumber, String agentHash, String campaignType, int callId,
                                   Map<Integer, Map<Integer, String>> values) {
        XmlElement.Builder forms = XmlElement.builder("forms");
        values.forEach((formId, fields) -> {
            XmlElement.Builder form = XmlElement.builder("form").attribute("id", formId);
            fields.forEach((fieldId, value) -> form.add(
                    XmlElement.builder("field").attribute("id", fieldId).text(value).build()));
            forms.add(form.build());
        });
        return XmlElement.builder("saveformdata")
                .add("agent_number", agentNumber)
                .add("agent_hash", agentHash)
                .add("campaign_type", campaignType)
                .add("call_id", callId)
                .add(forms.build())
                .build();
    }

    /** The schedule element only when one of its fields is given; every other null is left out. */
    static XmlElement scheduleCall(String agentNumber, String agentHash, String campaignType, String dateInit,
                                   String dateEnd, String timeInit, String timeEnd, boolean sameAgent,
                                   String newPhone, String newContactName) {
        XmlElement.Builder request = XmlElement.builder("schedulecall")
                .add("agent_number", agentNumber)
                .add("agent_hash", agentHash)
                .addIfPresent("campaign_type", campaignType);
        if (dateInit != null || dateEnd != null || timeInit != null || timeEnd != null) {
            request.add(XmlElement.builder("schedule").addIfPresent("date_init", dateInit)
                    .addIfPresent("date_end", dateEnd).addIfPresent("time_init", timeInit)
                    .addIfPresent("time_end", timeEnd).build());
        }
        return request.add("sameagent", sameAgent ? 1 : 0)
                .addIfPresent("newphone", newPhone)
                .addIfPresent("newcontactname", newContactName)
                .build();
    }
}
