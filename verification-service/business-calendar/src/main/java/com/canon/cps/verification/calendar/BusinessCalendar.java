package com.canon.cps.verification.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Computes SLA deadlines in business days of a country's public-holiday calendar.
 *
 * <p>Rules (docs/domain.md §1, "Verification takes up to 2 business days"):
 *
 * <ul>
 *   <li>A <em>business day</em> is a Monday to Friday that is not a public holiday of the country's calendar.
 *       Holidays come from the Jollyday library (de.focus-shift); only {@link HolidayType#PUBLIC_HOLIDAY} entries
 *       count, so observances (e.g. Christmas Eve in AT, Good Friday in NL) and bank-only days (e.g. 2 January in CH)
 *       stay business days. Substitute days ("observed" dates, e.g. Boxing Day on a Sunday moved to the Monday in the
 *       UK) are non-business days.
 *   <li>Regions: the national calendar is used, i.e. holidays that only apply in some regions (German Länder, Swiss
 *       cantons, Spanish communities, Alsace-Moselle ...) are ignored because the applicant's region is not known.
 *       The UK is split into its two legal jurisdictions we serve: {@code GB} = England and Wales, {@code XI} =
 *       Northern Ireland.
 *   <li>The <em>start day</em> ("day 0") is the local date of submission in the country's time zone if that date is a
 *       business day and the local time is strictly before the cut-off; otherwise (at or after the cut-off, or on a
 *       weekend/holiday) it is the next business day.
 *   <li>The deadline is the end of the N-th business day after the start day, i.e. the instant of local
 *       {@code 23:59:59.999999999} of that day (computed as the start of the following local day minus one
 *       nanosecond, so it is correct across DST changes). A case is late when {@code now.isAfter(deadline)}.
 * </ul>
 *
 * <p>Example (England and Wales, 2 business days, cut-off 17:00): submitted Wed 2025-12-24 10:00 → day 0 is the 24th,
 * 25th/26th are holidays, 27th/28th the weekend, Mon 29th is business day 1 and Tue 30th business day 2 → deadline Tue
 * 2025-12-30 23:59:59.999999999 Europe/London. Submitted the same day at 17:30 → day 0 is Mon 29th → deadline Wed 31st.
 *
 * <p>Country codes are ISO 3166-1 alpha-2 as used by the EU: {@code EL} for Greece (the ISO code {@code GR} is
 * accepted as an alias), {@code GB} for England and Wales ({@code UK} accepted as an alias), {@code XI} for Northern
 * Ireland. Codes are case-insensitive. Instances are immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** Default SLA length (docs/domain.md §1). */
    public static final int DEFAULT_BUSINESS_DAYS = 2;

    /** Default cut-off, local time of the applicant's country (docs/domain.md §1). */
    public static final LocalTime DEFAULT_CUT_OFF = LocalTime.of(17, 0);

    /**
     * Country code → (Jollyday calendar code, Jollyday subdivision path, time zone). Where a country spans several
     * time zones the mainland/capital zone is used (PT: Lisbon, not Azores; ES: Madrid, not Canaries).
     */
    private static final Map<String, CountryCalendar> COUNTRIES = Map.ofEntries(
            // EU 27
            country("AT", "at", "Europe/Vienna"),
            country("BE", "be", "Europe/Brussels"),
            country("BG", "bg", "Europe/Sofia"),
            country("HR", "hr", "Europe/Zagreb"),
            country("CY", "cy", "Asia/Nicosia"),
            country("CZ", "cz", "Europe/Prague"),
            country("DK", "dk", "Europe/Copenhagen"),
            country("EE", "ee", "Europe/Tallinn"),
            country("FI", "fi", "Europe/Helsinki"),
            country("FR", "fr", "Europe/Paris"),
            country("DE", "de", "Europe/Berlin"),
            country("EL", "gr", "Europe/Athens"),
            country("HU", "hu", "Europe/Budapest"),
            country("IE", "ie", "Europe/Dublin"),
            country("IT", "it", "Europe/Rome"),
            country("LV", "lv", "Europe/Riga"),
            country("LT", "lt", "Europe/Vilnius"),
            country("LU", "lu", "Europe/Luxembourg"),
            country("MT", "mt", "Europe/Malta"),
            country("NL", "nl", "Europe/Amsterdam"),
            country("PL", "pl", "Europe/Warsaw"),
            country("PT", "pt", "Europe/Lisbon"),
            country("RO", "ro", "Europe/Bucharest"),
            country("SK", "sk", "Europe/Bratislava"),
            country("SI", "si", "Europe/Ljubljana"),
            country("ES", "es", "Europe/Madrid"),
            country("SE", "se", "Europe/Stockholm"),
            // United Kingdom: England and Wales share one calendar ("eng" == "wls" in Jollyday)
            country("GB", "gb", "Europe/London", "eng"),
            country("XI", "gb", "Europe/London", "nir"),
            // EFTA
            country("CH", "ch", "Europe/Zurich"),
            country("NO", "no", "Europe/Oslo"));

    private static final Map<String, String> ALIASES = Map.of("GR", "EL", "UK", "GB");

    /** Jollyday managers are expensive to build (XML parsing), share them across instances. */
    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    /** (country, year) → non-business holiday dates, shared across instances (holidays do not depend on the SLA). */
    private static final Map<String, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    private final int businessDays;
    private final LocalTime cutOff;

    /** Calendar with the defaults of docs/domain.md §1: 2 business days, cut-off 17:00 local time. */
    public BusinessCalendar() {
        this(DEFAULT_BUSINESS_DAYS, DEFAULT_CUT_OFF);
    }

    /**
     * @param businessDays number of business days after the start day (0 = end of the start day itself)
     * @param cutOff local time of the applicant's country from which (inclusive) a submission counts from the next
     *     business day
     */
    public BusinessCalendar(int businessDays, LocalTime cutOff) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("businessDays must be >= 0, was " + businessDays);
        }
        this.businessDays = businessDays;
        this.cutOff = Objects.requireNonNull(cutOff, "cutOff");
    }

    /** Country codes with a calendar and a time zone (27 EU states with EL for Greece, GB, XI, CH, NO). */
    public static Set<String> supportedCountries() {
        return new TreeSet<>(COUNTRIES.keySet());
    }

    /** Whether {@code country} (or one of its aliases GR/UK) is supported, case-insensitive. */
    public static boolean isSupported(String country) {
        return country != null && COUNTRIES.containsKey(canonical(country));
    }

    public int businessDays() {
        return businessDays;
    }

    public LocalTime cutOff() {
        return cutOff;
    }

    /**
     * End of the N-th business day after submission, counted in the applicant's country calendar with its time zone;
     * submissions at or after the cut-off (local time) or on a non-business day count from the next business day.
     *
     * @return the last instant of the deadline day, i.e. local {@code 23:59:59.999999999} in {@link #zoneOf(String)}
     * @throws IllegalArgumentException if the country is not supported
     */
    public Instant deadline(Instant submittedAt, String country) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        CountryCalendar calendar = calendarOf(country);
        LocalDate deadlineDay = deadlineDate(submittedAt, country);
        return deadlineDay.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusNanos(1);
    }

    /** The local date (in the country's zone) whose end is the {@link #deadline(Instant, String) deadline}. */
    public LocalDate deadlineDate(Instant submittedAt, String country) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        LocalDate day = startDate(submittedAt, country);
        for (int i = 0; i < businessDays; i++) {
            day = nextBusinessDay(day, country);
        }
        return day;
    }

    /**
     * The business day from which counting starts ("day 0"): the local submission date if it is a business day and
     * the local time is before the cut-off, otherwise the next business day.
     */
    public LocalDate startDate(Instant submittedAt, String country) {
        Objects.requireNonNull(submittedAt, "submittedAt");
        ZonedDateTime local = submittedAt.atZone(zoneOf(country));
        LocalDate date = local.toLocalDate();
        if (isBusinessDay(date, country) && local.toLocalTime().isBefore(cutOff)) {
            return date;
        }
        return nextBusinessDay(date, country);
    }

    /** Monday to Friday and not a public holiday (national calendar, or the UK jurisdiction for GB/XI). */
    public boolean isBusinessDay(LocalDate date, String country) {
        Objects.requireNonNull(date, "date");
        CountryCalendar calendar = calendarOf(country);
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        // Substitute ("observed") days can cross a year boundary, so look at the neighbouring years as well.
        int year = date.getYear();
        for (int y = year - 1; y <= year + 1; y++) {
            if (holidays(calendar, y).contains(date)) {
                return false;
            }
        }
        return true;
    }

    /** Time zone of the country (mainland zone where a country has several). */
    public ZoneId zoneOf(String country) {
        return calendarOf(country).zone();
    }

    private LocalDate nextBusinessDay(LocalDate date, String country) {
        LocalDate next = date.plusDays(1);
        while (!isBusinessDay(next, country)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static Set<LocalDate> holidays(CountryCalendar calendar, int year) {
        return HOLIDAYS.computeIfAbsent(calendar.code() + ':' + year, key -> loadHolidays(calendar, year));
    }

    private static Set<LocalDate> loadHolidays(CountryCalendar calendar, int year) {
        HolidayManager manager = MANAGERS.computeIfAbsent(
                calendar.jollydayCode(), code -> HolidayManager.getInstance(ManagerParameters.create(code)));
        Set<Holiday> holidays;
        synchronized (manager) {
            holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, calendar.subdivisions());
        }
        // Holiday#getDate is the observed date (substitute day) when the holiday was moved, else the actual date.
        return holidays.stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }

    private static CountryCalendar calendarOf(String country) {
        Objects.requireNonNull(country, "country");
        CountryCalendar calendar = COUNTRIES.get(canonical(country));
        if (calendar == null) {
            throw new IllegalArgumentException("Unsupported country for business calendar: " + country);
        }
        return calendar;
    }

    private static String canonical(String country) {
        String code = country.trim().toUpperCase(Locale.ROOT);
        return ALIASES.getOrDefault(code, code);
    }

    private static Map.Entry<String, CountryCalendar> country(
            String code, String jollydayCode, String zone, String... subdivisions) {
        return Map.entry(code, new CountryCalendar(code, jollydayCode, ZoneId.of(zone), subdivisions));
    }

    private record CountryCalendar(String code, String jollydayCode, ZoneId zone, String... subdivisions) {}
}
