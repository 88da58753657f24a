package cn.dcjk.common.data.feed;

import java.util.Map;
import java.util.Optional;

/**
 * One resource family of the change feed (plans, units, inspections, findings, referrals…), declared
 * by the service that owns it: which changes belong to it, which of them are events integrators may
 * subscribe to, and whether the current caller may read a changed object. A change enters every
 * family that {@linkplain #includes includes} it.
 */
public interface FeedFamily {

    /** The family's name, as in its feed's path ({@code plans}, {@code findings}…). */
    String name();

    /** Whether the change of {@code objectType} by {@code action} belongs to this family. */
    boolean includes(String objectType, String action);

    /**
     * The object that decides who may read the change, from the object's state as audited
     * (an item's plan, say); by default the object itself. Kept with the change so that a removed
     * object's change stays readable by those who could read it.
     */
    default String owner(String objectType, String objectId, Map<String, Object> state) {
        return objectId;
    }

    /** The CloudEvents type of the change when it is an event of the catalogue ({@code cn.dcjk.plan.approved}). */
    default Optional<String> eventType(String objectType, String action) {
        return Optional.empty();
    }

    /** Every event type of the family, with what it means (the catalogue integrators subscribe from). */
    default Map<String, String> eventTypes() {
        return Map.of();
    }

    /**
     * Whether the current caller may read the change's object. Must not throw for objects the
     * caller may not read, nor mark the transaction for rollback: answer false.
     */
    boolean mayRead(String objectType, String objectId, String ownerId);
}
