package cn.dcjk.accountability.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What each audience sees of a letter. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    /** For the complainant holding the receipt: progress, never names. */
    public record Receipt(String receipt, ComplaintStatus status, LocalDate receivedOn, OffsetDateTime updatedAt,
            String handlerUnitCode, boolean concluded) {
        public static Receipt of(ComplaintLetter l) {
            return new Receipt(l.receiptCode, l.status, l.receivedOn, l.updatedAt, l.handlerUnitCode, !l.status.open());
        }
    }

    /** For those handling the letter; the accuser's identity only for complaint handlers. */
    public record Letter(Long id, String receipt, ComplaintLetter.Channel channel, boolean anonymous,
            String accuserName, String accuserContact, String handlerUnitCode, String accusedName,
            String accusedUnitCode, String accusedPosition, String content, LocalDate receivedOn,
            ComplaintStatus status, boolean overdue, String verificationNotes, String outcomeReasons,
            String competentUnitCode, String transferLegalBasis, OffsetDateTime concludedAt, Long rehabilitationId,
            Long pursuitId, String createdBy, OffsetDateTime createdAt) {

        public static Letter of(ComplaintLetter l, boolean showAccuser, boolean overdue, Long rehabilitationId,
                Long pursuitId) {
            return new Letter(l.id, showAccuser ? l.receiptCode : null, l.channel, l.anonymous,
                    showAccuser ? l.accuserName : null, showAccuser ? l.accuserContact : null, l.handlerUnitCode,
                    l.accusedName, l.accusedUnitCode, l.accusedPosition, l.content, l.receivedOn, l.status, overdue,
                    l.verificationNotes, l.outcomeReasons, l.competentUnitCode, l.transferLegalBasis, l.concludedAt,
                    rehabilitationId, pursuitId, showAccuser ? l.createdBy : null, l.createdAt);
        }
    }

    /** The public rehabilitation notice (澄清正名). */
    public record Notice(Long id, String clearedPersonName, String clearedUnitCode, String title, String text,
            LocalDate publishedOn, String issuedByUnitCode) {
        public static Notice of(RehabilitationNotice n) {
            return new Notice(n.id, n.clearedPersonName, n.clearedUnitCode, n.title, n.text, n.publishedOn,
                    n.issuedByUnitCode);
        }
    }

    public record Pursuit(Long id, long complaintId, String accuserName, String accuserContact, String reasons,
            String status, String handlerUnitCode, String createdBy, OffsetDateTime createdAt) {
        public static Pursuit of(PursuitRecord p) {
            return new Pursuit(p.id, p.complaintId, p.accuserName, p.accuserContact, p.reasons, p.status,
                    p.handlerUnitCode, p.createdBy, p.createdAt);
        }
    }
}
