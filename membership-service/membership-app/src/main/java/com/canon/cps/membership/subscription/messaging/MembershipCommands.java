package com.canon.cps.membership.subscription.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Sends the commands of billing's events, which concern an account that may never have bought a membership. */
@Component
class MembershipCommands {

    private final CommandGateway commands;

    MembershipCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** An account without a membership has nothing to suspend, settle or pay by card: the event changes nothing. */
    void sendIfMembershipExists(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof AggregateNotFoundException) {
                    return; // no membership was ever bought by this account
                }
            }
            throw e;
        }
    }
}
