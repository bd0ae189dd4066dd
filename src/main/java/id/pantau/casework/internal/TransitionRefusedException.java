package id.pantau.casework.internal;

import java.util.Map;
import java.util.Set;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseStage;
import id.pantau.shared.ConflictException;

/** An action the case's current stage does not allow: a 409 naming the stage and the allowed actions. */
class TransitionRefusedException extends ConflictException {

    private final CaseStage stage;
    private final Set<CaseAction> allowed;

    TransitionRefusedException(CaseStage stage, CaseAction action, Set<CaseAction> allowed) {
        super(action + " is not possible in stage " + stage + "; allowed: "
                + (allowed.isEmpty() ? "none" : allowed.stream().filter(a -> a != CaseAction.COMPLETION_EXPIRED).toList()));
        this.stage = stage;
        this.allowed = allowed;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("stage", stage, "allowedActions", allowed.stream().filter(a -> a != CaseAction.COMPLETION_EXPIRED).toList());
    }

    CaseStage stage() {
        return stage;
    }

    Set<CaseAction> allowed() {
        return allowed;
    }
}
