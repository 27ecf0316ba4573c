package fr.passerelle.loa.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.sessions.AuthenticationSessionModel;

class EidasRequestedAuthnContextTest {

    @Test
    void asksTheLevelPickedForThisLoginWithComparisonMinimum() throws Exception {
        AuthnRequestType request = new EidasRequestedAuthnContext()
                .beforeSendingLoginRequest(newRequest(), sessionWithNote("http://eidas.europa.eu/LoA/substantial"));

        assertEquals(AuthnContextComparisonType.MINIMUM, request.getRequestedAuthnContext().getComparison());
        assertEquals(List.of("http://eidas.europa.eu/LoA/substantial"), request.getRequestedAuthnContext().getAuthnContextClassRef());
    }

    @Test
    void leavesTheRequestAloneWhenNoLevelWasPicked() throws Exception {
        AuthnRequestType request = new EidasRequestedAuthnContext().beforeSendingLoginRequest(newRequest(), sessionWithNote(null));

        assertNull(request.getRequestedAuthnContext());
    }

    private static AuthnRequestType newRequest() throws Exception {
        return new AuthnRequestType("id-1", DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-01-01T00:00:00Z"));
    }

    private static AuthenticationSessionModel sessionWithNote(String classRef) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(AuthenticationSessionModel.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class},
                (proxy, method, args) -> method.getName().equals("getAuthNote")
                        && PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE.equals(args[0]) ? classRef : null);
    }
}
