package fr.passerelle.pivot.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.broker.oidc.mappers.AbstractClaimMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;

import fr.passerelle.pivot.PivotField;
import fr.passerelle.pivot.UpstreamClaims;

/**
 * What the IdP sent, read from Keycloak's brokered context: OIDC claims from the validated ID token and
 * userinfo, or attributes of the SAML assertion (matched by name or friendly name).
 */
final class BrokeredClaims implements UpstreamClaims {

    private final BrokeredIdentityContext context;
    private final UpstreamNames names;
    private final Map<String, String> config;

    BrokeredClaims(BrokeredIdentityContext context, UpstreamNames names, Map<String, String> config) {
        this.context = context;
        this.names = names;
        this.config = config;
    }

    @Override
    public List<String> values(PivotField field) {
        Optional<String> name = names.name(field, config);
        if (name.isEmpty()) {
            return List.of();
        }
        if (context.getContextData().get(SAMLEndpoint.SAML_ASSERTION) instanceof AssertionType assertion) {
            return samlValues(assertion, name.get());
        }
        return asStrings(AbstractClaimMapper.getClaimValue(context, name.get()));
    }

    private static List<String> asStrings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            List<String> strings = new ArrayList<>();
            values.forEach(v -> {
                if (v != null) {
                    strings.add(String.valueOf(v));
                }
            });
            return strings;
        }
        return List.of(String.valueOf(value));
    }

    /** The values of the assertion's attributes of that name or friendly name. */
    private static List<String> samlValues(AssertionType assertion, String name) {
        List<String> values = new ArrayList<>();
        for (AttributeStatementType statement : assertion.getAttributeStatements()) {
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                if (attribute != null && (name.equals(attribute.getName()) || name.equals(attribute.getFriendlyName()))) {
                    for (Object value : attribute.getAttributeValue()) {
                        if (value != null) {
                            values.add(value.toString());
                        }
                    }
                }
            }
        }
        return values;
    }
}
