package com.canon.cps.platform.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault injection of a local simulator of an outside party: the latency of every answer, an outage switch, and
 * per-call rates of transient failures, of calls that hang and then time out, and of operations that take effect but
 * whose answer is lost. Rates are probabilities in {@code [0, 1]}; 0 and 1 never roll the dice, so tests with those
 * rates are deterministic (and a seeded {@link Random} makes the others repeatable). The simulator decides where in a
 * call each fault strikes and what its faults look like to the caller ({@code timedOut}).
 *
 * <p>Thread-safe: the settings may change while calls run (operations and fault tests switch them at runtime).
 */
public final class SimulatedFaults {

    private static final Logger log = LoggerFactory.getLogger(SimulatedFaults.class);

    /**
     * The faults a simulator starts with.
     *
     * @param latency time each answer takes
     * @param outage every call fails at once
     * @param failureRate share of calls that fail at once with a transient fault
     * @param timeoutRate share of calls that hang for {@code hang} and then time out
     * @param lostResponseRate share of new operations that take effect but whose answer is lost (they hang, then time
     *     out)
     * @param hang how long a hanging call hangs (keep it above the caller's time limit, which then gives up first)
     */
    public record Settings(
            Duration latency,
            boolean outage,
            double failureRate,
            double timeoutRate,
            double lostResponseRate,
            Duration hang) {

        public Settings {
            requireRate(failureRate);
            requireRate(timeoutRate);
            requireRate(lostResponseRate);
            requireDuration(latency);
            requireDuration(hang);
        }
    }

    /** The fault a call draws ({@link #draw()}). */
    public enum Fault {
        NONE,
        FAILURE,
        TIMEOUT
    }

    private final String party;
    private final Random dice;
    private final Function<String, RuntimeException> timedOut;
    private volatile Duration latency;
    private volatile boolean outage;
    private volatile double failureRate;
    private volatile double timeoutRate;
    private volatile double lostResponseRate;
    private volatile Duration hang;

    /**
     * @param party what the log calls the simulated party, e.g. {@code "payment gateway"}
     * @param dice decides which calls fail, hang or lose their answer
     * @param timedOut the simulator's timeout fault, given what happened (a hanging call, or an interrupted wait)
     */
    public SimulatedFaults(String party, Settings settings, Random dice, Function<String, RuntimeException> timedOut) {
        this.party = Objects.requireNonNull(party, "party");
        this.dice = Objects.requireNonNull(dice, "dice");
        this.timedOut = Objects.requireNonNull(timedOut, "timedOut");
        this.latency = settings.latency();
        this.outage = settings.outage();
        this.failureRate = settings.failureRate();
        this.timeoutRate = settings.timeoutRate();
        this.lostResponseRate = settings.lostResponseRate();
        this.hang = settings.hang();
    }

    /** Whether the simulated outage is on. */
    public boolean outage() {
        return outage;
    }

    /** Turns the simulated outage on or off. */
    public void outage(boolean on) {
        if (on != outage) {
            log.info("Simulated {} outage {}", party, on ? "started" : "ended");
        }
        outage = on;
    }

    public void latency(Duration latency) {
        this.latency = requireDuration(latency);
    }

    public void failureRate(double rate) {
        this.failureRate = requireRate(rate);
    }

    public void timeoutRate(double rate) {
        this.timeoutRate = requireRate(rate);
    }

    public void lostResponseRate(double rate) {
        this.lostResponseRate = requireRate(rate);
    }

    public void hang(Duration hang) {
        this.hang = requireDuration(hang);
    }

    /** Waits the latency of an answer; an interrupted wait (the caller gave up) is a timeout. */
    public void pause() {
        sleep(latency, "interrupted (simulated latency)");
    }

    /** One roll of the dice for this call: a timeout with {@code timeoutRate}, else a failure with {@code failureRate}. */
    public Fault draw() {
        double timeout = timeoutRate;
        double failure = failureRate;
        if (timeout + failure <= 0) {
            return Fault.NONE;
        }
        if (timeout >= 1) {
            return Fault.TIMEOUT;
        }
        double roll = roll();
        if (roll < timeout) {
            return Fault.TIMEOUT;
        }
        return roll < timeout + failure ? Fault.FAILURE : Fault.NONE;
    }

    /** Whether the answer of an operation that took effect is lost ({@code lostResponseRate}). */
    public boolean loseResponse() {
        double rate = lostResponseRate;
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || roll() < rate;
    }

    /** Hangs for {@code hang}, then fails as the simulator's timeout; {@code what} says what happened. */
    public RuntimeException hangThenTimeOut(String what) {
        sleep(hang, what);
        throw timedOut.apply(what);
    }

    private double roll() {
        synchronized (dice) {
            return dice.nextDouble();
        }
    }

    private void sleep(Duration duration, String what) {
        long millis = duration.toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // the caller's time limit gave up on this call
            Thread.currentThread().interrupt();
            throw timedOut.apply(what);
        }
    }

    private static double requireRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("simulator rates must be in [0, 1]");
        }
        return rate;
    }

    private static Duration requireDuration(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("simulator durations must not be negative");
        }
        return duration;
    }
}
