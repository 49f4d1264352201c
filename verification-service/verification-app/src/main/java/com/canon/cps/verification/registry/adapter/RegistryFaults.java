package com.canon.cps.verification.registry.adapter;

import com.canon.cps.verification.registry.RegistryFault;

/** VIES fault codes by name. */
final class RegistryFaults {

    private RegistryFaults() {}

    /**
     * The fault of that VIES code ({@code MS_UNAVAILABLE}, {@code INVALID_INPUT}, ...); {@code TECHNICAL_ERROR} for a
     * code we do not know, or none, or one of ours that a registry cannot send.
     */
    static RegistryFault named(String code) {
        if (code == null) {
            return RegistryFault.TECHNICAL_ERROR;
        }
        return switch (code) {
            case "CIRCUIT_OPEN", "BULKHEAD_FULL", "RATE_LIMITED" -> RegistryFault.TECHNICAL_ERROR;
            default -> {
                try {
                    yield RegistryFault.valueOf(code);
                } catch (IllegalArgumentException e) {
                    yield RegistryFault.TECHNICAL_ERROR;
                }
            }
        };
    }
}
