package fr.passerelle.demo.idp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextClassRefType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.SAMLLoginResponseMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Demo only: lets a demo SAML IdP realm state, in the assertion's {@code AuthnContextClassRef},
 * the level of assurance written in a user attribute, as an eIDAS node states the level it reached.
 * A real IdP derives it from how the person actually authenticated.
 */
public class UserAttributeAuthnContextMapper extends AbstractSAMLProtocolMapper implements SAMLLoginResponseMapper {

    public static final String PROVIDER_ID = "passerelle-demo-authn-context-from-attribute";
    static final String USER_ATTRIBUTE = "user.attribute";
    private static final Logger LOG = Logger.getLogger("fr.passerelle.demo");

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(USER_ATTRIBUTE).label("User attribute")
            .helpText("The user attribute holding the AuthnContextClassRef URI to state, e.g. http://eidas.europa.eu/LoA/substantial.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("loa").add()
            .build();

    @Override
    public ResponseType transformLoginResponse(ResponseType response, ProtocolMapperModel mappingModel, KeycloakSession session,
                                               UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String attribute = mappingModel.getConfig().getOrDefault(USER_ATTRIBUTE, "loa");
        String value = userSession.getUser().getFirstAttribute(attribute);
        if (value == null || value.isBlank()) {
            return response;
        }
        URI classRef;
        try {
            classRef = new URI(value.strip());
        } catch (URISyntaxException e) {
            LOG.warnf("Demo IdP: attribute %s does not hold a URI; no AuthnContextClassRef stated", attribute);
            return response;
        }
        response.getAssertions().stream()
                .map(ResponseType.RTChoiceType::getAssertion)
                .filter(assertion -> assertion != null)
                .map(AssertionType::getStatements)
                .flatMap(statements -> statements.stream())
                .filter(AuthnStatementType.class::isInstance)
                .map(AuthnStatementType.class::cast)
                .forEach(statement -> {
                    AuthnContextType.AuthnContextTypeSequence sequence = new AuthnContextType.AuthnContextTypeSequence();
                    sequence.setClassRef(new AuthnContextClassRefType(classRef));
                    AuthnContextType context = new AuthnContextType();
                    context.setSequence(sequence);
                    statement.setAuthnContext(context);
                });
        return response;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Passerelle demo: AuthnContextClassRef from user attribute";
    }

    @Override
    public String getDisplayCategory() {
        return "AuthnContextClassRef mapper";
    }

    @Override
    public String getHelpText() {
        return "Demo only: states the level of assurance held in a user attribute as the assertion's AuthnContextClassRef.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
