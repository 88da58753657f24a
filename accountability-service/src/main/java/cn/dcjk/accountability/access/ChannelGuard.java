package cn.dcjk.accountability.access;

import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.common.channel.NoDirectDemand;
import cn.dcjk.common.channel.WriteChannel;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.unit.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * NO-DIRECT-DEMAND (article 27) as the service judges it, with the rule the gateway uses
 * ({@link NoDirectDemand}): defence in depth on what the service executes. A caller acting as an
 * inspection team that names a lower-level party committee, government, discipline body or
 * organisation department in an accountability write is refused here as at the gateway.
 */
@ApplicationScoped
public class ChannelGuard {

    @Inject
    Caller caller;
    @Inject
    Directory directory;

    /** Refuses (403 with the finding) when the write would carry a matter from a team to a lower body. */
    public void check(String kind, boolean textsSpeakOfAccountability, String... unitCodes) {
        if (!caller.actsAsInspectionTeam()) {
            return;
        }
        String dispatching = caller.dispatchingUnit().orElse(null);
        List<NoDirectDemand.Recipient> recipients = new ArrayList<>();
        if (dispatching != null) {
            UnitInfo mine = directory.unit(dispatching).orElse(null);
            for (String code : unitCodes) {
                if (code == null) {
                    continue;
                }
                directory.unit(code).ifPresent(u -> recipients.add(new NoDirectDemand.Recipient(u.code(), u.name(),
                        u.kind(), u.level(), mine != null && !Objects.equals(u.regionCode(), mine.regionCode())
                                && RegionCode.strictlyInside(u.regionCode(), mine.regionCode()), false)));
            }
        }
        var findings = new NoDirectDemand().judge(new NoDirectDemand.Context(true, dispatching, WriteChannel.ACCOUNTABILITY,
                recipients, textsSpeakOfAccountability, kind));
        Verdict.of(findings).orRefuse();
    }
}
