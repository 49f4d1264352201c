package com.canon.cps.examples.membership;

import java.util.Map;

/**
 * Prints the active CPS memberships whenever they change, following {@code cps.membership.events} from the
 * beginning.
 *
 * <pre>java -jar target/membership-subscriber-example.jar [bootstrap-servers] [consumer-group]</pre>
 *
 * Defaults: {@code $CPS_KAFKA_BOOTSTRAP} or {@code 127.0.0.1:19092} (the broker of {@code ./cps-local}), group
 * {@code membership-subscriber-example}.
 */
public final class MembershipSubscriber {

    private MembershipSubscriber() {}

    public static void main(String[] args) throws InterruptedException {
        String env = System.getenv("CPS_KAFKA_BOOTSTRAP");
        String bootstrap = args.length > 0 ? args[0] : env != null && !env.isBlank() ? env : "127.0.0.1:19092";
        String group = args.length > 1 ? args[1] : "membership-subscriber-example";
        ActiveMemberships memberships = ActiveMemberships.follow(bootstrap, group);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            memberships.close();
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("Following " + ActiveMemberships.TOPIC + " on " + bootstrap + " as " + group);
        memberships.run(MembershipSubscriber::print);
    }

    private static void print(Map<String, ActiveMembership> active) {
        System.out.println();
        System.out.printf("%d active membership(s)%n", active.size());
        System.out.printf(
                "%-38s %-10s %-8s %-10s %-10s %s%n", "account", "number", "tier", "starts", "expires", "auto");
        for (ActiveMembership m : active.values()) {
            System.out.printf(
                    "%-38s %-10s %-8s %-10s %-10s %s%n",
                    m.accountId(),
                    m.membershipNumber(),
                    m.tier(),
                    m.startsOn(),
                    m.expiresOn(),
                    m.autoRenew() ? "on" : "off");
        }
    }
}
