package org.dialerd.eccp.handler.campaign;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dialerd.core.store.CampaignStore.CampaignQuery;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * getcampaignlist's arguments, checked in the reference's order: campaign_type, status,
 * datetime_start, datetime_end, then offset/limit; each failure is a top-level 400 with its
 * detail. Both dates filter on the campaign's start date and are swapped when end &lt; start.
 */
public final class CampaignListArgs {
    /** PCRE's {@code /^\d{4}-\d{2}-\d{2}$/}: {@code $} also matches before a final newline. */
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$", Pattern.UNIX_LINES);

    private CampaignListArgs() {
    }

    public static CampaignQuery parse(XmlElement request) {
        Set<CampaignType> types = EnumSet.allOf(CampaignType.class);
        Optional<String> type = Args.optional(request, "campaign_type");
        if (type.isPresent()) {
            types = EnumSet.of(CampaignWords.type(type.get())
                    .orElseThrow(() -> EccpFailure.badRequest("invalid campaign type")));
        }
        Optional<String> nameContains = Args.optional(request, "filtername");
        Optional<String> status = Args.optional(request, "status");
        if (status.isPresent()) {
            status = Optional.of(CampaignWords.statusLetter(status.get())
                    .orElseThrow(() -> EccpFailure.badRequest("invalid status")));
        }
        Optional<String> start = date(request, "datetime_start", "invalid start date");
        Optional<String> end = date(request, "datetime_end", "invalid end date");
        if (start.isPresent() && end.isPresent() && end.get().compareTo(start.get()) < 0) {
            Optional<String> swap = start;
            start = end;
            end = swap;
        }
        Page page = Paging.page(request);
        return new CampaignQuery(types, nameContains, status, start, end, page);
    }

    private static Optional<String> date(XmlElement request, String name, String failure) {
        Optional<String> date = Args.optional(request, name);
        if (date.isPresent() && !DATE.matcher(date.get()).find()) {
            throw EccpFailure.badRequest(failure);
        }
        return date;
    }
}
