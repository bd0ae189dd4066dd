package id.pantau.casework.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseStage;

import static id.pantau.casework.CaseAction.*;
import static id.pantau.casework.CaseStage.*;

/**
 * The transitions the law allows, as one table: from each stage, which action leads where.
 * Actions that keep the stage (recording a hearing, extending, delegating) map a stage to itself.
 */
final class CaseWorkflow {

    private static final Map<CaseStage, Map<CaseAction, CaseStage>> TRANSITIONS = new EnumMap<>(CaseStage.class);

    static {
        from(RECEIVED).on(BEGIN_REVIEW, PRELIMINARY_REVIEW);
        from(PRELIMINARY_REVIEW).on(REQUEST_COMPLETION, AWAITING_COMPLETION).on(REGISTER, REGISTERED).on(DECLINE, NOT_REGISTERED);
        from(AWAITING_COMPLETION).on(COMPLETED, PRELIMINARY_REVIEW).on(DECLINE, NOT_REGISTERED)
                .on(COMPLETION_EXPIRED, NOT_REGISTERED);
        from(REGISTERED).on(BEGIN_CLARIFICATION, CLARIFICATION).on(EXTEND, REGISTERED);
        from(CLARIFICATION).on(RECORD_CLARIFICATION, CLARIFICATION).on(BEGIN_ASSESSMENT, REVIEW).on(EXTEND, CLARIFICATION);
        from(REVIEW).on(TO_PLENARY, PLENARY).on(EXTEND, REVIEW);
        from(PLENARY).on(DECIDE, DECIDED).on(EXTEND, PLENARY);
        from(DECIDED).on(REFER, REFERRED).on(CLOSE, CLOSED);
        from(REFERRED).on(CLOSE, CLOSED);
        from(NOT_REGISTERED).on(CLOSE, CLOSED);
        // a case still being handled can be handed to another office (pelimpahan)
        for (CaseStage open : EnumSet.of(RECEIVED, PRELIMINARY_REVIEW, AWAITING_COMPLETION, REGISTERED, CLARIFICATION,
                REVIEW, PLENARY, DECIDED)) {
            from(open).on(DELEGATE, open);
        }
    }

    private CaseWorkflow() {
    }

    /** The actions a case in {@code stage} allows. */
    static Set<CaseAction> allowed(CaseStage stage) {
        Map<CaseAction, CaseStage> next = TRANSITIONS.get(stage);
        return next == null || next.isEmpty() ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(next.keySet());
    }

    /** The stage after {@code action}, or the refusal that names the stage and what it allows. */
    static CaseStage next(CaseStage stage, CaseAction action) {
        CaseStage next = TRANSITIONS.getOrDefault(stage, Map.of()).get(action);
        if (next == null) {
            throw new TransitionRefusedException(stage, action, allowed(stage));
        }
        return next;
    }

    private static Builder from(CaseStage stage) {
        return new Builder(TRANSITIONS.computeIfAbsent(stage, s -> new EnumMap<>(CaseAction.class)));
    }

    private record Builder(Map<CaseAction, CaseStage> next) {
        Builder on(CaseAction action, CaseStage stage) {
            next.put(action, stage);
            return this;
        }
    }
}
