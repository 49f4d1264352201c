package com.canon.cps.platform.projection;

import com.canon.cps.platform.observability.ProcessorLagMetrics;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' view of this service's projections and their rebuilds (API.md, "Operations"). */
@RestController
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('OPERATOR')")
public class ProjectionAdminController {

    /**
     * One projection: its active version, the live processor's state ({@code RUNNING | ERROR | STOPPED}) and
     * position against the head of the event store, the physical collections serving reads, and the status of its
     * latest rebuild (null if never rebuilt).
     */
    public record ProjectionView(
            String name,
            int activeVersion,
            String status,
            Long position,
            long head,
            Long lag,
            List<String> collections,
            String rebuild) {}

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;
    private final EventProcessingConfiguration processing;
    private final ProcessorLagMetrics lag;

    public ProjectionAdminController(
            Projections projections,
            ProjectionRebuilds rebuilds,
            EventProcessingConfiguration processing,
            ProcessorLagMetrics lag) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.processing = processing;
        this.lag = lag;
    }

    @GetMapping
    public List<ProjectionView> list() {
        projections.refresh();
        long head = lag.head();
        return projections.all().stream().map(p -> view(p, head)).toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionRebuilds.RebuildStatus rebuild(
            @PathVariable String name, @RequestParam(required = false) Integer maxRate) {
        return rebuilds.start(name, maxRate);
    }

    @GetMapping("/{name}/rebuild")
    public ProjectionRebuilds.RebuildStatus rebuildStatus(@PathVariable String name) {
        return rebuilds.status(name);
    }

    @DeleteMapping("/{name}/rebuild")
    public ProjectionRebuilds.RebuildStatus cancel(@PathVariable String name) {
        return rebuilds.cancel(name);
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
                        .orElse(null));
    }

    private static String state(StreamingEventProcessor processor) {
        if (processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return "ERROR";
        }
        return processor.isRunning() ? "RUNNING" : "STOPPED";
    }
}
