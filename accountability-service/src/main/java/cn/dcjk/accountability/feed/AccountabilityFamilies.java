package cn.dcjk.accountability.feed;

import cn.dcjk.accountability.backtracing.BacktracingRecord;
import cn.dcjk.accountability.backtracing.BacktracingService;
import cn.dcjk.accountability.casework.AccountabilityCase;
import cn.dcjk.accountability.casework.CaseService;
import cn.dcjk.accountability.complaint.ComplaintLetter;
import cn.dcjk.accountability.complaint.ComplaintService;
import cn.dcjk.accountability.referral.Referral;
import cn.dcjk.accountability.referral.ReferralService;
import cn.dcjk.common.data.feed.FeedFamily;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The feed families of accountability-service: referrals, cases, complaints (with pursuit records and
 * rehabilitation notices) and the back-tracing register. Who may read a change is who may read the
 * object through the API: those handling it and the overseers of its region; the integrator role alone
 * reads none of these (a provincial system that must, is given the auditor role as well).
 */
public final class AccountabilityFamilies {

    public static final String REFERRALS = "referrals";
    public static final String CASES = "cases";
    public static final String COMPLAINTS = "complaints";
    public static final String BACKTRACING = "backtracing";
    static final String PURSUIT = "pursuit";
    static final String REHABILITATION = "rehabilitation";

    private AccountabilityFamilies() {
    }

    /** A family of one object type whose events are keyed by action. */
    abstract static class Simple implements FeedFamily {
        private final String name;
        private final String type;
        private final Map<String, String[]> events = new LinkedHashMap<>();

        Simple(String name, String type, String[][] events) {
            this.name = name;
            this.type = type;
            for (String[] e : events) {
                this.events.put(e[0], new String[] {e[1], e[2]});
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return type.equals(objectType);
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            String[] e = type.equals(objectType) ? events.get(action) : null;
            return Optional.ofNullable(e == null ? null : e[0]);
        }

        @Override
        public Map<String, String> eventTypes() {
            Map<String, String> all = new LinkedHashMap<>();
            events.values().forEach(e -> all.put(e[0], e[1]));
            return all;
        }
    }

    static <T> boolean readable(String id, java.util.function.LongFunction<T> find, Predicate<T> visible) {
        try {
            T t = find.apply(Long.parseLong(id));
            return t != null && visible.test(t);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @ApplicationScoped
    public static class Referrals extends Simple {
        @Inject
        ReferralService referrals;

        public Referrals() {
            super(REFERRALS, ReferralService.AUDIT_TYPE, new String[][] {
                    {"CREATE", "cn.dcjk.referral.created", "An inspection team referred a matter to its dispatching unit"},
                    {"TRANSFER", "cn.dcjk.referral.transferred", "The dispatching unit transferred a referral to the competent body"},
                    {"CLOSE", "cn.dcjk.referral.closed", "A referral was closed"}});
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return readable(objectId, id -> Referral.<Referral>findById(id), referrals::visible);
        }
    }

    @ApplicationScoped
    public static class Cases extends Simple {
        @Inject
        CaseService cases;

        public Cases() {
            super(CASES, CaseService.AUDIT_TYPE, new String[][] {
                    {"CREATE", "cn.dcjk.case.opened", "The competent body opened an accountability case"},
                    {"INVESTIGATING", "cn.dcjk.case.investigating", "A case's investigation began"},
                    {"HEARD", "cn.dcjk.case.heard", "The subject of a case was heard"},
                    {"DECIDED", "cn.dcjk.case.decided", "A case was decided"},
                    {"NOTIFIED", "cn.dcjk.case.notified", "The decision was notified"},
                    {"APPEALED", "cn.dcjk.case.appealed", "The decision was appealed"},
                    {"REVIEWED", "cn.dcjk.case.reviewed", "The appeal was reviewed"},
                    {"CLOSED", "cn.dcjk.case.closed", "A case was closed"}});
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return readable(objectId, id -> AccountabilityCase.<AccountabilityCase>findById(id), cases::visible);
        }
    }

    @ApplicationScoped
    public static class Complaints extends Simple {
        @Inject
        ComplaintService complaints;

        public Complaints() {
            super(COMPLAINTS, ComplaintService.AUDIT_TYPE, new String[][] {
                    {"CREATE", "cn.dcjk.complaint.received", "A complaint letter was received"},
                    {"VERIFY", "cn.dcjk.complaint.verification-started", "Verification of a complaint began"}});
        }

        @Override
        public boolean includes(String objectType, String action) {
            return super.includes(objectType, action) || PURSUIT.equals(objectType) || REHABILITATION.equals(objectType);
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            if (REHABILITATION.equals(objectType)) {
                return Optional.of("cn.dcjk.rehabilitation.published");
            }
            if (ComplaintService.AUDIT_TYPE.equals(objectType) && !action.equals("CREATE") && !action.equals("VERIFY")) {
                return Optional.of("cn.dcjk.complaint.concluded");
            }
            return super.eventType(objectType, action);
        }

        @Override
        public Map<String, String> eventTypes() {
            Map<String, String> all = super.eventTypes();
            all.put("cn.dcjk.complaint.concluded", "A complaint was concluded (founded, partly founded, unfounded…)");
            all.put("cn.dcjk.rehabilitation.published", "A rehabilitation notice clearing a wrongly accused cadre was published");
            return all;
        }

        @Override
        public String owner(String objectType, String objectId, Map<String, Object> state) {
            Object complaint = state.get("complaintId");
            return PURSUIT.equals(objectType) && complaint != null ? complaint.toString() : objectId;
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            if (REHABILITATION.equals(objectType)) {
                return true; // published for everyone (article 31)
            }
            return readable(ownerId, id -> ComplaintLetter.<ComplaintLetter>findById(id), complaints::visible);
        }
    }

    @ApplicationScoped
    public static class Backtracing extends Simple {
        @Inject
        BacktracingService register;

        public Backtracing() {
            super(BACKTRACING, BacktracingService.AUDIT_TYPE, new String[][] {
                    {"CREATE", "cn.dcjk.backtracing.registered", "An event was registered for back-tracing"},
                    {"CONCLUDE", "cn.dcjk.backtracing.concluded", "A back-tracing entry was concluded"}});
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return readable(objectId, id -> BacktracingRecord.<BacktracingRecord>findById(id), register::visible);
        }
    }
}
