package com.canon.cps.portal.session;

/** The session has no (longer a) valid sign-in: the person is sent to the login page. */
public final class SessionEnded extends RuntimeException {

    public SessionEnded(String why) {
        super(why);
    }
}
