package com.canon.cps.verification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(2, LocalTime.of(17, 0));

    /** Submission at a local date-time of the country. */
    private Instant at(String localDateTime, String country) {
        return LocalDateTime.parse(localDateTime)
                .atZone(calendar.zoneOf(country))
                .toInstant();
    }

    /** Expected deadline: end of the given local day of the country. */
    private Instant endOf(String localDate, String country) {
        return ZonedDateTime.of(LocalDate.parse(localDate), LocalTime.MAX, calendar.zoneOf(country))
                .toInstant();
    }

    @Nested
    class DomainExamples {

        @Test
        void christmasEveInEnglandAndWales() {
            // 24th = day 0, 25/26 holidays, 27/28 weekend, 29 = day 1, 30 = day 2
            assertThat(calendar.deadline(at("2025-12-24T10:00", "GB"), "GB")).isEqualTo(endOf("2025-12-30", "GB"));
            assertThat(calendar.deadline(at("2025-12-24T10:00", "GB"), "GB"))
                    .isEqualTo(Instant.parse("2025-12-30T23:59:59.999999999Z"));
        }

        @Test
        void easterInEnglandAndWales() {
            // 2nd = day 0, Good Friday 3rd, weekend, Easter Monday 6th, 7th = day 1, 8th = day 2 (BST, UTC+1)
            assertThat(calendar.deadline(at("2026-04-02T10:00", "GB"), "GB"))
                    .isEqualTo(endOf("2026-04-08", "GB"))
                    .isEqualTo(Instant.parse("2026-04-08T22:59:59.999999999Z"));
        }

        @Test
        void examplesHoldForAnySubmissionTimeBeforeTheCutOff() {
            for (String time : new String[] {"00:00", "08:30", "12:00", "16:59:59.999999999"}) {
                assertThat(calendar.deadlineDate(at("2025-12-24T" + time, "GB"), "GB"))
                        .as(time)
                        .isEqualTo("2025-12-30");
                assertThat(calendar.deadlineDate(at("2026-04-02T" + time, "GB"), "GB"))
                        .as(time)
                        .isEqualTo("2026-04-08");
            }
        }
    }

    @Nested
    class CutOff {

        @Test
        void afterTheCutOffCountsFromTheNextBusinessDay() {
            // 17:30 on the 24th: day 0 = Mon 29th, day 2 = Wed 31st
            assertThat(calendar.startDate(at("2025-12-24T17:30", "GB"), "GB")).isEqualTo("2025-12-29");
            assertThat(calendar.deadline(at("2025-12-24T17:30", "GB"), "GB")).isEqualTo(endOf("2025-12-31", "GB"));
            // 17:30 on Thu 2 April: day 0 = Tue 7th, day 2 = Thu 9th
            assertThat(calendar.deadline(at("2026-04-02T17:30", "GB"), "GB")).isEqualTo(endOf("2026-04-09", "GB"));
        }

        @Test
        void cutOffIsInclusive() {
            assertThat(calendar.deadlineDate(at("2026-03-04T16:59:59.999999999", "GB"), "GB"))
                    .isEqualTo("2026-03-06");
            assertThat(calendar.deadlineDate(at("2026-03-04T17:00", "GB"), "GB"))
                    .isEqualTo("2026-03-09");
        }

        @Test
        void cutOffIsLocalTimeOfTheApplicantsCountry() {
            // 15:30 UTC on Mon 2026-03-02 is 15:30 in London, 16:30 in Paris and 17:30 in Athens
            Instant submitted = Instant.parse("2026-03-02T15:30:00Z");
            assertThat(calendar.deadlineDate(submitted, "GB")).isEqualTo("2026-03-04");
            assertThat(calendar.deadlineDate(submitted, "FR")).isEqualTo("2026-03-04");
            assertThat(calendar.deadlineDate(submitted, "EL")).isEqualTo("2026-03-05");
        }

        @Test
        void cutOffAndBusinessDaysAreConfigurable() {
            BusinessCalendar noon3 = new BusinessCalendar(3, LocalTime.NOON);
            assertThat(noon3.deadlineDate(at("2026-03-02T11:00", "DE"), "DE")).isEqualTo("2026-03-05");
            assertThat(noon3.deadlineDate(at("2026-03-02T13:00", "DE"), "DE")).isEqualTo("2026-03-06");

            BusinessCalendar sameDay = new BusinessCalendar(0, LocalTime.of(17, 0));
            assertThat(sameDay.deadline(at("2026-03-02T11:00", "DE"), "DE")).isEqualTo(endOf("2026-03-02", "DE"));

            BusinessCalendar defaults = new BusinessCalendar();
            assertThat(defaults.businessDays()).isEqualTo(2);
            assertThat(defaults.cutOff()).isEqualTo(LocalTime.of(17, 0));
        }

        @Test
        void rejectsInvalidConfiguration() {
            assertThatThrownBy(() -> new BusinessCalendar(-1, LocalTime.NOON))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new BusinessCalendar(2, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class NonBusinessDaySubmissions {

        @ParameterizedTest(name = "{0} -> day 0 {1}, deadline {2}")
        @CsvSource({
            "2026-01-10T10:00, 2026-01-12, 2026-01-14", // Saturday morning
            "2026-01-11T23:30, 2026-01-12, 2026-01-14", // Sunday night
            "2026-01-11T03:00, 2026-01-12, 2026-01-14", // Sunday, before the cut-off
            "2026-04-03T09:00, 2026-04-07, 2026-04-09", // Good Friday
            "2026-04-06T09:00, 2026-04-07, 2026-04-09", // Easter Monday
            "2025-12-25T09:00, 2025-12-29, 2025-12-31", // Christmas Day
            "2026-01-01T09:00, 2026-01-02, 2026-01-06", // New Year's Day
        })
        void countFromTheNextBusinessDay(String submitted, LocalDate startDay, LocalDate deadlineDay) {
            assertThat(calendar.startDate(at(submitted, "GB"), "GB")).isEqualTo(startDay);
            assertThat(calendar.deadlineDate(at(submitted, "GB"), "GB")).isEqualTo(deadlineDay);
        }

        @Test
        void substituteHolidaysAcrossTheYearEnd() {
            // 2021: Christmas (Sat) observed Mon 27, Boxing Day (Sun) Tue 28; 2022: New Year (Sat) observed Mon 3 Jan
            assertThat(calendar.isBusinessDay(LocalDate.parse("2021-12-27"), "GB"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2021-12-28"), "GB"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2022-01-03"), "GB"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2021-12-24T10:00", "GB"), "GB"))
                    .isEqualTo("2021-12-30");
            assertThat(calendar.deadlineDate(at("2021-12-30T18:00", "GB"), "GB"))
                    .isEqualTo("2022-01-05");
        }
    }

    @Nested
    class OtherCountries {

        @Test
        void germanyUsesNationalHolidaysOnly() {
            // Day of German Unity, Fri 2025-10-03 (national)
            assertThat(calendar.isBusinessDay(LocalDate.parse("2025-10-03"), "DE"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2025-10-02T10:00", "DE"), "DE"))
                    .isEqualTo("2025-10-07");
            // Epiphany (BW, BY, ST) and Corpus Christi (BW, BY, HE, NW, RP, SL, ...) are regional: business days
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-01-06"), "DE"))
                    .isTrue();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-06-04"), "DE"))
                    .isTrue();
            assertThat(calendar.deadlineDate(at("2026-06-03T10:00", "DE"), "DE"))
                    .isEqualTo("2026-06-05");
            // Good Friday and Whit Monday are national
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-03"), "DE"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-25"), "DE"))
                    .isFalse();
        }

        @Test
        void franceBastilleDay() {
            // Tue 2026-07-14
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-07-14"), "FR"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2026-07-13T10:00", "FR"), "FR"))
                    .isEqualTo("2026-07-16");
            // Good Friday is only a holiday in Alsace-Moselle: business day nationally
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-03"), "FR"))
                    .isTrue();
        }

        @Test
        void greeceOrthodoxEaster() {
            // Orthodox Easter 2026 is 12 April (western: 5 April): Good Friday 10th and Easter Monday 13th are holidays
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-10"), "EL"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-13"), "EL"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-03"), "EL"))
                    .isTrue();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-06"), "EL"))
                    .isTrue();
            // Clean Monday (Orthodox Lent) 23 Feb 2026 and Orthodox Whit Monday 1 June 2026
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-02-23"), "EL"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-06-01"), "EL"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2026-04-09T10:00", "EL"), "EL"))
                    .isEqualTo("2026-04-15");
            // western Easter week is ordinary business in Greece
            assertThat(calendar.deadlineDate(at("2026-04-02T10:00", "EL"), "EL"))
                    .isEqualTo("2026-04-06");
        }

        @Test
        void norwayConstitutionDay() {
            // Wed 2028-05-17
            assertThat(calendar.isBusinessDay(LocalDate.parse("2028-05-17"), "NO"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2028-05-16T10:00", "NO"), "NO"))
                    .isEqualTo("2028-05-19");
            // Maundy Thursday is a public holiday in Norway
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-02"), "NO"))
                    .isFalse();
        }

        @Test
        void switzerlandNationalDay() {
            // Fri 2025-08-01
            assertThat(calendar.isBusinessDay(LocalDate.parse("2025-08-01"), "CH"))
                    .isFalse();
            assertThat(calendar.deadlineDate(at("2025-07-31T10:00", "CH"), "CH"))
                    .isEqualTo("2025-08-05");
            // Berchtoldstag (2 January) is a bank holiday / cantonal, not a national public holiday
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-01-02"), "CH"))
                    .isTrue();
        }

        @Test
        void irelandAndNorthernIrelandStPatricksDay() {
            // Tue 2026-03-17: holiday in IE and in Northern Ireland (XI), not in England and Wales (GB)
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-17"), "IE"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-17"), "XI"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-17"), "GB"))
                    .isTrue();
            Instant monday = Instant.parse("2026-03-16T10:00:00Z");
            assertThat(calendar.deadlineDate(monday, "IE")).isEqualTo("2026-03-19");
            assertThat(calendar.deadlineDate(monday, "XI")).isEqualTo("2026-03-19");
            assertThat(calendar.deadlineDate(monday, "GB")).isEqualTo("2026-03-18");
        }

        @Test
        void northernIrelandBattleOfTheBoyneIsNotAHolidayInEngland() {
            // 12 July 2026 is a Sunday, observed on Mon 13 July in Northern Ireland only
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-07-13"), "XI"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-07-13"), "GB"))
                    .isTrue();
            // Summer bank holiday differs from Scotland's; GB uses the England-and-Wales date (last Monday of August)
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-08-31"), "GB"))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-08-03"), "GB"))
                    .isTrue();
        }

        @Test
        void observancesAreBusinessDays() {
            // Christmas Eve is an observance in Austria, Good Friday in the Netherlands
            assertThat(calendar.isBusinessDay(LocalDate.parse("2025-12-24"), "AT"))
                    .isTrue();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-03"), "NL"))
                    .isTrue();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-27"), "NL"))
                    .isFalse(); // King's Day
        }
    }

    @Nested
    class TimeZones {

        @Test
        void springForwardInLondon() {
            // Fri 16:30 UTC is 16:30 GMT (before the cut-off); clocks go forward on Sun 2026-03-29
            assertThat(calendar.deadline(Instant.parse("2026-03-27T16:30:00Z"), "GB"))
                    .isEqualTo(Instant.parse("2026-03-31T22:59:59.999999999Z"));
            // Mon 16:30 UTC is 17:30 BST (after the cut-off)
            assertThat(calendar.deadline(Instant.parse("2026-03-30T16:30:00Z"), "GB"))
                    .isEqualTo(Instant.parse("2026-04-02T22:59:59.999999999Z"));
        }

        @Test
        void fallBackInBerlin() {
            // Fri 2025-10-24 14:00 UTC = 16:00 CEST; clocks go back on Sun 2025-10-26; deadline Tue 28 in CET (UTC+1)
            assertThat(calendar.deadline(Instant.parse("2025-10-24T14:00:00Z"), "DE"))
                    .isEqualTo(Instant.parse("2025-10-28T22:59:59.999999999Z"));
            // 15:30 UTC = 17:30 CEST: after the cut-off
            assertThat(calendar.deadline(Instant.parse("2025-10-24T15:30:00Z"), "DE"))
                    .isEqualTo(Instant.parse("2025-10-29T22:59:59.999999999Z"));
        }

        @Test
        void localDateDiffersFromUtcDate() {
            // Tue 2026-07-14 22:30 UTC is already Wed 01:30 in Athens
            Instant submitted = Instant.parse("2026-07-14T22:30:00Z");
            assertThat(calendar.startDate(submitted, "EL")).isEqualTo("2026-07-15");
            assertThat(calendar.deadline(submitted, "EL")).isEqualTo(Instant.parse("2026-07-17T20:59:59.999999999Z"));
            // but it is still Tuesday 23:30 in Lisbon (after the cut-off)
            assertThat(calendar.startDate(submitted, "PT")).isEqualTo("2026-07-15");
            assertThat(calendar.deadline(submitted, "PT")).isEqualTo(Instant.parse("2026-07-17T22:59:59.999999999Z"));
        }

        @Test
        void deadlineIsAlwaysTheLastInstantOfALocalBusinessDay() {
            for (String country : BusinessCalendar.supportedCountries()) {
                ZoneId zone = calendar.zoneOf(country);
                // every 7 hours through a year covering both DST changes
                Instant t = Instant.parse("2025-01-01T00:00:00Z");
                while (t.isBefore(Instant.parse("2026-01-01T00:00:00Z"))) {
                    Instant deadline = calendar.deadline(t, country);
                    ZonedDateTime local = deadline.atZone(zone);
                    assertThat(local.toLocalTime()).as("%s %s", country, t).isEqualTo(LocalTime.MAX);
                    assertThat(calendar.isBusinessDay(local.toLocalDate(), country))
                            .as("%s %s", country, t)
                            .isTrue();
                    assertThat(deadline.plusNanos(1).atZone(zone).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
                    assertThat(deadline).isAfter(t);
                    t = t.plusSeconds(7 * 3600);
                }
            }
        }
    }

    @Nested
    class SupportedCountries {

        static String[] countries() {
            return new String[] {
                "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE", "IT", "LV", "LT",
                "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "XI", "CH", "NO"
            };
        }

        @Test
        void exactlyTheEuStatesPlusUkJurisdictionsSwitzerlandAndNorway() {
            assertThat(BusinessCalendar.supportedCountries()).hasSize(31).containsExactlyInAnyOrder(countries());
        }

        @ParameterizedTest
        @MethodSource("countries")
        void hasACalendarAndAZone(String country) {
            assertThat(BusinessCalendar.isSupported(country)).isTrue();
            assertThat(calendar.zoneOf(country).getId()).startsWith(country.equals("CY") ? "Asia/" : "Europe/");
            // New Year's Day and Christmas Day are public holidays everywhere; an ordinary Wednesday is not
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-01-01"), country))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"), country))
                    .isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-09-16"), country))
                    .isTrue();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-09-19"), country))
                    .as("Saturday")
                    .isFalse();
            assertThat(calendar.deadlineDate(Instant.parse("2026-09-16T08:00:00Z"), country))
                    .isEqualTo("2026-09-18");
        }

        @Test
        void zones() {
            assertThat(calendar.zoneOf("GB")).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(calendar.zoneOf("XI")).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(calendar.zoneOf("EL")).isEqualTo(ZoneId.of("Europe/Athens"));
            assertThat(calendar.zoneOf("CH")).isEqualTo(ZoneId.of("Europe/Zurich"));
            assertThat(calendar.zoneOf("NO")).isEqualTo(ZoneId.of("Europe/Oslo"));
            assertThat(calendar.zoneOf("FI")).isEqualTo(ZoneId.of("Europe/Helsinki"));
            assertThat(calendar.zoneOf("PT")).isEqualTo(ZoneId.of("Europe/Lisbon"));
        }

        @Test
        void aliasesAndCase() {
            assertThat(calendar.zoneOf("gr")).isEqualTo(calendar.zoneOf("EL"));
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-13"), "GR"))
                    .isFalse();
            assertThat(calendar.deadline(at("2025-12-24T10:00", "GB"), "uk"))
                    .isEqualTo(calendar.deadline(at("2025-12-24T10:00", "GB"), "GB"));
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-03-17"), "xi"))
                    .isFalse();
        }

        @Test
        void unsupportedCountriesAreRejected() {
            assertThat(BusinessCalendar.isSupported("US")).isFalse();
            assertThat(BusinessCalendar.isSupported(null)).isFalse();
            assertThatThrownBy(() -> calendar.zoneOf("US")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.isBusinessDay(LocalDate.parse("2026-01-05"), "XX"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.deadline(Instant.now(), "")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
