package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpyIdPrefixTest {
    @Test
    void hostsStartedInTheSameSecondChooseDifferentSpyIds() {
        Set<String> prefixes = IntStream.range(0, 100).mapToObj(i -> Identifiers.spyIdPrefix())
                .collect(Collectors.toSet());

        // 26^4 tags: two equal ones among 100 draws are a 1-in-90 chance; ten would never happen.
        assertTrue(prefixes.size() > 90, prefixes::toString);
        String one = prefixes.iterator().next();
        assertTrue(one.matches("dialerd-\\d+[a-z]{4}"), one);
        // spy_id is varchar(64): the prefix, "-s<n>" and a mode's "/<k>" must fit.
        assertTrue((one + "-s99999999/999").length() <= 64, one);
    }
}
