package com.canon.cps.platform.projection;

import com.canon.cps.platform.audit.AuditEntry;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.observability.ProcessorLagMetrics;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of this service's projections and their rebuilds (docs/api.md, "Operations"): any operator reads,
 * an ADMIN starts and cancels rebuilds, each recorded in the audit trail (ADR 19).
 */
@RestController
@RequestMapping("/admin/projections")
@OperatorAccess.AnyOperator
public class ProjectionAdminController {

    /**
     * One projection: its active version, the live processor's state ({@code RUNNING | ERROR | STOPPED}) and
     * position against the head of the event store, the physical collections serving reads, and the status of its
     * latest rebuild (null if never rebuilt), and the latest operator action on it (who started or cancelled a
     * rebuild, when; null if none).
     */
    public record ProjectionView(
            String name,
            int activeVersion,
            String status,
            Long position,
            long head,
            Long lag,
            List<String> collections,
            String rebuild,
            AuditEntry lastOperatorAction) {}

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;
    private final EventProcessingConfiguration processing;
    private final ProcessorLagMetrics lag;
    private final OperatorAudit audit;

    public ProjectionAdminController(
            Projections projections,
            ProjectionRebuilds rebuilds,
            EventProcessingConfiguration processing,
            ProcessorLagMetrics lag,
            OperatorAudit audit) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.processing = processing;
        this.lag = lag;
        this.audit = audit;
    }

    @GetMapping
    public List<ProjectionView> list() {
        projections.refresh();
        long head = lag.head();
        return projections.all().stream().map(p -> view(p, head)).toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @OperatorAccess.Admin
    public ProjectionRebuilds.RebuildStatus rebuild(
            @PathVariable String name, @RequestParam(required = false) Integer maxRate) {
        ProjectionRebuilds.RebuildStatus started = answer(() -> rebuilds.start(name, maxRate));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromVersion", started.fromVersion());
        details.put("toVersion", started.toVersion());
        details.put("maxRate", maxRate);
        audit.record(
                OperatorActions.PROJECTION_REBUILD_STARTED,
                OperatorAudit.Subject.of(OperatorActions.PROJECTION, name),
                details);
        return started;
    }

    @GetMapping("/{name}/rebuild")
    public ProjectionRebuilds.RebuildStatus rebuildStatus(@PathVariable String name) {
        return answer(() -> rebuilds.status(name));
    }

    @DeleteMapping("/{name}/rebuild")
    @OperatorAccess.Admin
    public ProjectionRebuilds.RebuildStatus cancel(@PathVariable String name) {
        ProjectionRebuilds.RebuildStatus cancelled = answer(() -> rebuilds.cancel(name));
        audit.record(
                OperatorActions.PROJECTION_REBUILD_CANCELLED,
                OperatorAudit.Subject.of(OperatorActions.PROJECTION, name),
                Map.of("status", cancelled.status(), "toVersion", cancelled.toVersion()));
        return cancelled;
    }

    /** The rebuilds' refusals as problems: 404, 409, or 400 naming {@code maxRate}. */
    private static <T> T answer(Supplier<T> action) {
        try {
            return action.get();
        } catch (RebuildException.NotFound e) {
            throw ApiProblem.notFound(e.getMessage());
        } catch (RebuildException.Conflict e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (RebuildException.InvalidRate e) {
            throw ApiProblem.invalid("maxRate", e.getMessage());
        }
    }

    private ProjectionView view(Projections.Definition p, long head) {
        Optional<StreamingEventProcessor> processor = processing
                .eventProcessor(p.name(), EventProcessor.class)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
        Long position = processor.map(lag::position).orElse(null);
        String status = processor.map(ProjectionAdminController::state).orElse("SUBSCRIBING");
        int version = projections.activeVersion(p.name());
        return new ProjectionView(
                p.name(),
                version,
                status,
                position,
                head,
                position == null ? null : Math.max(0, head - position),
                p.collections().stream()
                        .map(c -> Projections.physical(c, version))
                        .toList(),
                rebuilds.latest(p.name())
                        .map(ProjectionRebuilds.RebuildStatus::status)
                        .orElse(null),
                audit.latest(OperatorActions.PROJECTION, p.name()).orElse(null));
    }

    private static String state(StreamingEventProcessor processor) {
        if (processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return "ERROR";
        }
        return processor.isRunning() ? "RUNNING" : "STOPPED";
    }
}
