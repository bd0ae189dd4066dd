package id.pantau.casework.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseStage;
import id.pantau.shared.ConflictException;

/** An action the case's current stage does not allow: a 409 naming the stage and the allowed actions. */
class TransitionRefusedException extends ConflictException {

    private final CaseStage stage;
    private final CaseAction action;
    private final Set<CaseAction> allowed;

    TransitionRefusedException(CaseStage stage, CaseAction action, Set<CaseAction> allowed) {
        super(action + " is not possible in stage " + stage + "; allowed: "
                + (allowed.isEmpty() ? "none" : byPeople(allowed)));
        this.stage = stage;
        this.action = action;
        this.allowed = allowed;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("stage", stage, "allowedActions", byPeople(allowed));
    }

    CaseStage stage() {
        return stage;
    }

    CaseAction action() {
        return action;
    }

    /** The table's allowed actions; {@link #properties()} and pages show only those people take. */
    Set<CaseAction> allowed() {
        return allowed;
    }

    List<CaseAction> allowedToPeople() {
        return byPeople(allowed);
    }

    private static List<CaseAction> byPeople(Set<CaseAction> allowed) {
        return allowed.stream().filter(a -> a != CaseAction.COMPLETION_EXPIRED).toList();
    }
}
