package com.canon.cps.verification.registry;

/** Thrown by an adapter when its registry answers with a fault (or not at all). */
public class RegistryFaultException extends RuntimeException {

    private final RegistryFault fault;

    public RegistryFaultException(RegistryFault fault) {
        super(fault.name());
        this.fault = fault;
    }

    public RegistryFault fault() {
        return fault;
    }
}
