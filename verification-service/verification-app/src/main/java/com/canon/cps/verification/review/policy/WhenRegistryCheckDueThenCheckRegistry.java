package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.verification.config.RegistrySettings;
import com.canon.cps.verification.registry.RegistryAnswer;
import com.canon.cps.verification.registry.VatRegistry;
import com.canon.cps.verification.review.domain.RecordRegistryConfirmation;
import com.canon.cps.verification.review.domain.RecordRegistryRefusal;
import com.canon.cps.verification.review.domain.RecordRegistryUnavailable;
import com.canon.cps.verification.vat.VatIdValidator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A registry check is due: ask the registry (through the resilient port, which never throws) and record its answer
 * on the case. A fault is recorded with the time of the next check, doubling from the configured initial wait; the
 * event then schedules it ({@link WhenRegistryCheckUnavailableThenScheduleRecheck}).
 */
@Component
class WhenRegistryCheckDueThenCheckRegistry {

    private final VatRegistry registry;
    private final CommandGateway commands;
    private final RegistrySettings settings;
    private final VatIdValidator normaliser = new VatIdValidator();

    WhenRegistryCheckDueThenCheckRegistry(
            DeadlineScheduler deadlines, VatRegistry registry, CommandGateway commands, RegistrySettings settings) {
        this.registry = registry;
        this.commands = commands;
        this.settings = settings;
        deadlines.onDue(
                VerificationDeadlines.REGISTRY_CHECK, VerificationDeadlines.RegistryCheckDue.class, this::check);
    }

    void check(VerificationDeadlines.RegistryCheckDue due) {
        RegistryAnswer answer = registry.check(normaliser.check(due.vatId()).normalised());
        commands.sendAndWait(record(due, answer, settings));
    }

    /** The command that records {@code answer} for check {@code due}. */
    static Object record(VerificationDeadlines.RegistryCheckDue due, RegistryAnswer answer, RegistrySettings settings) {
        String registry = answer.registry() == null ? null : answer.registry().name();
        if (answer instanceof RegistryAnswer.Valid valid) {
            return new RecordRegistryConfirmation(
                    due.caseId(), registry, valid.consultationNumber(), valid.checkedAt());
        }
        if (answer instanceof RegistryAnswer.Invalid invalid) {
            return new RecordRegistryRefusal(due.caseId(), registry, invalid.checkedAt());
        }
        RegistryAnswer.Unavailable unavailable = (RegistryAnswer.Unavailable) answer;
        return new RecordRegistryUnavailable(
                due.caseId(),
                registry,
                unavailable.fault().name(),
                due.attempt(),
                unavailable.checkedAt(),
                unavailable.fault().isTransient()
                        ? unavailable.checkedAt().plus(settings.recheckDelay(due.attempt()))
                        : null);
    }
}
