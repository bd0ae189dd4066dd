package id.pantau.casework.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every allowed transition of the statutory workflow, and every refused one. */
class CaseWorkflowTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "RECEIVED, BEGIN_REVIEW, PRELIMINARY_REVIEW",
            "PRELIMINARY_REVIEW, REQUEST_COMPLETION, AWAITING_COMPLETION",
            "PRELIMINARY_REVIEW, REGISTER, REGISTERED",
            "PRELIMINARY_REVIEW, DECLINE, NOT_REGISTERED",
            "AWAITING_COMPLETION, COMPLETED, PRELIMINARY_REVIEW",
            "AWAITING_COMPLETION, DECLINE, NOT_REGISTERED",
            "AWAITING_COMPLETION, COMPLETION_EXPIRED, NOT_REGISTERED",
            "REGISTERED, BEGIN_CLARIFICATION, CLARIFICATION",
            "REGISTERED, EXTEND, REGISTERED",
            "CLARIFICATION, RECORD_CLARIFICATION, CLARIFICATION",
            "CLARIFICATION, BEGIN_ASSESSMENT, REVIEW",
            "CLARIFICATION, EXTEND, CLARIFICATION",
            "REVIEW, TO_PLENARY, PLENARY",
            "REVIEW, EXTEND, REVIEW",
            "PLENARY, DECIDE, DECIDED",
            "PLENARY, EXTEND, PLENARY",
            "DECIDED, REFER, REFERRED",
            "DECIDED, CLOSE, CLOSED",
            "REFERRED, CLOSE, CLOSED",
            "NOT_REGISTERED, CLOSE, CLOSED",
            "RECEIVED, DELEGATE, RECEIVED",
            "PRELIMINARY_REVIEW, DELEGATE, PRELIMINARY_REVIEW",
            "AWAITING_COMPLETION, DELEGATE, AWAITING_COMPLETION",
            "REGISTERED, DELEGATE, REGISTERED",
            "CLARIFICATION, DELEGATE, CLARIFICATION",
            "REVIEW, DELEGATE, REVIEW",
            "PLENARY, DELEGATE, PLENARY",
            "DECIDED, DELEGATE, DECIDED"})
    void allowedTransitions(CaseStage from, CaseAction action, CaseStage to) {
        assertThat(CaseWorkflow.next(from, action)).isEqualTo(to);
        assertThat(CaseWorkflow.allowed(from)).contains(action);
    }

    static final Set<String> ALLOWED = Set.of(
            "RECEIVED/BEGIN_REVIEW", "PRELIMINARY_REVIEW/REQUEST_COMPLETION", "PRELIMINARY_REVIEW/REGISTER",
            "PRELIMINARY_REVIEW/DECLINE", "AWAITING_COMPLETION/COMPLETED", "AWAITING_COMPLETION/DECLINE",
            "AWAITING_COMPLETION/COMPLETION_EXPIRED", "REGISTERED/BEGIN_CLARIFICATION", "REGISTERED/EXTEND",
            "CLARIFICATION/RECORD_CLARIFICATION", "CLARIFICATION/BEGIN_ASSESSMENT", "CLARIFICATION/EXTEND",
            "REVIEW/TO_PLENARY", "REVIEW/EXTEND", "PLENARY/DECIDE", "PLENARY/EXTEND", "DECIDED/REFER", "DECIDED/CLOSE",
            "REFERRED/CLOSE", "NOT_REGISTERED/CLOSE",
            "RECEIVED/DELEGATE", "PRELIMINARY_REVIEW/DELEGATE", "AWAITING_COMPLETION/DELEGATE", "REGISTERED/DELEGATE",
            "CLARIFICATION/DELEGATE", "REVIEW/DELEGATE", "PLENARY/DELEGATE", "DECIDED/DELEGATE");

    static Stream<Arguments> refusedTransitions() {
        return Stream.of(CaseStage.values()).flatMap(stage -> Stream.of(CaseAction.values())
                .filter(action -> !ALLOWED.contains(stage + "/" + action))
                .map(action -> Arguments.of(stage, action)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusedTransitions")
    void everyOtherTransitionIsRefusedNamingTheStageAndTheAllowedActions(CaseStage stage, CaseAction action) {
        assertThatThrownBy(() -> CaseWorkflow.next(stage, action))
                .isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining(stage.name())
                .satisfies(e -> assertThat(((TransitionRefusedException) e).allowed()).isEqualTo(CaseWorkflow.allowed(stage)));
        assertThat(CaseWorkflow.allowed(stage)).doesNotContain(action);
    }

    @Test
    void theTableCoversEveryPairExactlyOnce() {
        long pairs = refusedTransitions().count() + ALLOWED.size();

        assertThat(pairs).isEqualTo((long) CaseStage.values().length * CaseAction.values().length);
    }

    @Test
    void finishedCasesAllowNothing() {
        assertThat(CaseWorkflow.allowed(CaseStage.CLOSED)).isEmpty();
        assertThat(CaseWorkflow.allowed(CaseStage.MERGED)).isEmpty();
        assertThat(EnumSet.allOf(CaseStage.class).stream().filter(CaseStage::isFinished))
                .containsExactlyInAnyOrder(CaseStage.CLOSED, CaseStage.MERGED);
    }
}
