package com.canon.cps.platform.privacy;

import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Backup and restore of the service's key store (ADR 23), for an ADMIN: {@code GET /admin/privacy/key-backup} gives
 * every wrapped data key and every erasure as JSON; {@code POST /admin/privacy/key-restore} puts back what is missing,
 * never the keys of a subject erased since. Both are audited.
 */
@RestController
@RequestMapping("/admin/privacy")
@OperatorAccess.Admin
public class PersonalDataKeyController {

    private final PersonalDataKeys keys;
    private final OperatorAudit audit;
    private final Clock clock;
    private final String service;

    PersonalDataKeyController(PersonalDataKeys keys, OperatorAudit audit, Clock clock, String service) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
    }

    @GetMapping("/key-backup")
    public PersonalDataKeyBackup backup() {
        PersonalDataKeyBackup backup =
                new PersonalDataKeyBackup(service, clock.instant(), keys.keyRows(), keys.erasureRows());
        audit.record(
                OperatorActions.DATA_KEYS_BACKED_UP,
                OperatorAudit.Subject.of(OperatorActions.DATA_KEYS, service),
                Map.of(
                        "keys",
                        backup.keys().size(),
                        "erasures",
                        backup.erasures().size()));
        return backup;
    }

    /** Answers how many keys came back. */
    @PostMapping("/key-restore")
    public Map<String, Integer> restore(@RequestBody PersonalDataKeyBackup backup) {
        if (backup == null || backup.keys() == null || backup.erasures() == null || backup.takenAt() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a key backup: service, takenAt, keys, erasures");
        }
        if (!service.equals(backup.service())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "a backup of " + backup.service() + ", not of " + service);
        }
        int restored = keys.restore(backup);
        audit.record(
                OperatorActions.DATA_KEYS_RESTORED,
                OperatorAudit.Subject.of(OperatorActions.DATA_KEYS, service),
                Map.of("takenAt", backup.takenAt().toString(), "restored", restored));
        return Map.of("restored", restored);
    }
}
