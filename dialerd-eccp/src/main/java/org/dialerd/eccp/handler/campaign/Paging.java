package org.dialerd.eccp.handler.campaign;

import java.util.Optional;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The optional {@code offset}/{@code limit} pair of the list requests: {@code limit} alone
 * starts at 0, {@code offset} alone is a top-level 400 {@code Bad request - offset without
 * limit}. Both are PHP integer casts ({@code abc} is 0).
 */
public final class Paging {
    private Paging() {
    }

    public static Page page(XmlElement request) {
        Optional<String> limit = Args.optional(request, "limit");
        Optional<String> offset = Args.optional(request, "offset");
        if (limit.isEmpty()) {
            if (offset.isPresent()) {
                throw EccpFailure.badRequest("offset without limit");
            }
            return Page.ALL;
        }
        return Page.of(offset.map(Args::phpInt).orElse(0L), Args.phpInt(limit.get()));
    }
}
