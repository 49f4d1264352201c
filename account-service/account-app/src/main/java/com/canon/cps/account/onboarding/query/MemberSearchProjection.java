package com.canon.cps.account.onboarding.query;

import com.canon.cps.account.onboarding.domain.AccountActivated;
import com.canon.cps.account.onboarding.domain.AccountApplicationSubmitted;
import com.canon.cps.account.onboarding.domain.AccountDetailsChanged;
import com.canon.cps.account.onboarding.domain.AccountErased;
import com.canon.cps.account.onboarding.domain.AccountInfoProvided;
import com.canon.cps.account.onboarding.domain.AccountInfoRequested;
import com.canon.cps.account.onboarding.domain.AccountOpened;
import com.canon.cps.account.onboarding.domain.AccountRejected;
import com.canon.cps.account.onboarding.domain.AccountStatus;
import com.canon.cps.account.onboarding.domain.CompanyDetailsChanged;
import com.canon.cps.account.onboarding.domain.ContactEmailChanged;
import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The operators' member search (ADR 19): every account with what operators search it by, kept apart from the member's
 * own view so that its keys and indexes change without touching that one. Each event carries the whole value it
 * changes (company name and VAT ID together), so each update sets a field and its keys in one single-document write.
 */
@Component
@ProcessingGroup("member-search")
@Projection(MemberSearchView.class)
class MemberSearchProjection {

    private final ProjectionWriter writer;

    MemberSearchProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(AccountApplicationSubmitted e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                company(email(new Update(), e.contactEmail()), e.companyName(), e.vatId())
                        .set("country", e.address().country())
                        .set("status", AccountStatus.PENDING_VERIFICATION.name()));
    }

    @EventHandler
    void on(AccountInfoRequested e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.INFO_REQUESTED);
    }

    @EventHandler
    void on(AccountInfoProvided e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.PENDING_VERIFICATION);
    }

    @EventHandler
    void on(AccountOpened e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.VERIFIED);
    }

    @EventHandler
    void on(AccountRejected e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.REJECTED);
    }

    @EventHandler
    void on(AccountActivated e, @SequenceNumber long sequence) {
        status(e.accountId(), sequence, AccountStatus.ACTIVE);
    }

    @EventHandler
    void on(AccountDetailsChanged e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, Update.update("country", e.address().country()));
    }

    @EventHandler
    void on(ContactEmailChanged e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, email(new Update(), e.contactEmail()));
    }

    @EventHandler
    void on(CompanyDetailsChanged e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, company(new Update(), e.companyName(), e.vatId()));
    }

    /**
     * Keeps the id, the country and the status, so an operator who looks the account id up sees it was erased; nothing
     * personal, and no key a search could match.
     */
    @EventHandler
    void on(AccountErased e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                Update.update("status", AccountStatus.ERASED.name())
                        .unset("email")
                        .unset("emailKey")
                        .unset("companyName")
                        .unset("companyKeys")
                        .unset("vatId")
                        .unset("vatKeys"));
    }

    private void status(String accountId, long sequence, AccountStatus status) {
        write(accountId, sequence, Update.update("status", status.name()));
    }

    private void write(String accountId, long sequence, Update update) {
        writer.upsert(MemberSearchView.COLLECTION, accountId, sequence, update);
    }

    private static Update email(Update update, String email) {
        return update.set("email", email).set("emailKey", email == null ? null : lower(email));
    }

    private static Update company(Update update, String companyName, String vatId) {
        return update.set("companyName", companyName)
                .set("companyKeys", companyKeys(companyName))
                .set("vatId", vatId)
                .set("vatKeys", vatKeys(vatId));
    }

    /** The whole name and each word of it: "Lumen Studio Ltd" is found by "lumen", "studio" and "lumen st". */
    static List<String> companyKeys(String companyName) {
        Set<String> keys = new LinkedHashSet<>();
        if (companyName != null && !companyName.isBlank()) {
            String name = lower(companyName).strip().replaceAll("\\s+", " ");
            keys.add(name);
            for (String word : name.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    keys.add(word);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * "GB980780684" is found by "gb98..." and by "98..." ("CHE-123.456.788 MWST" by "che123..." and "123..."):
     * operators often type the number without the country's letters.
     */
    static List<String> vatKeys(String vatId) {
        if (vatId == null || vatId.isBlank()) {
            return List.of();
        }
        String key = MemberSearchQueries.vatKey(vatId);
        String number = key.replaceFirst("^\\p{L}+", "");
        return number.isEmpty() || number.equals(key) ? List.of(key) : List.of(key, number);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
