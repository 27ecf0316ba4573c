package fr.passerelle.loa.keycloak;

import org.keycloak.Config;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.RequestedAuthnContextType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.saml.preprocessor.SamlAuthenticationPreprocessor;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Asks a SAML IdP (the eIDAS node) for the level this login needs: a {@code RequestedAuthnContext}
 * with comparison {@code minimum} and the class ref the IdP choice step picked from the IdP's mapping.
 */
public class EidasRequestedAuthnContext implements SamlAuthenticationPreprocessor {

    public static final String PROVIDER_ID = "passerelle-eidas-requested-authn-context";

    @Override
    public AuthnRequestType beforeSendingLoginRequest(AuthnRequestType authnRequest, AuthenticationSessionModel authSession) {
        String classRef = authSession == null ? null : authSession.getAuthNote(PasserelleKeys.SAML_REQUESTED_CLASS_REF_NOTE);
        if (classRef != null && !classRef.isBlank()) {
            RequestedAuthnContextType requested = new RequestedAuthnContextType();
            requested.setComparison(AuthnContextComparisonType.MINIMUM);
            requested.addAuthnContextClassRef(classRef);
            authnRequest.setRequestedAuthnContext(requested);
        }
        return authnRequest;
    }

    @Override
    public SamlAuthenticationPreprocessor create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
