package fr.passerelle.pivot.keycloak;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.broker.oidc.mappers.AbstractClaimMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;

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
        Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        if (assertion != null) {
            return SamlAssertionAttributes.values(assertion, name.get());
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

    /**
     * Reads attribute values from Keycloak's {@code AssertionType}. The SAML model classes live in
     * keycloak-saml-core-public, which the Maven registry does not serve at 26.7.3, so they are reached
     * through their public getters by reflection; the shapes are stable since Keycloak 2.
     */
    static final class SamlAssertionAttributes {

        private SamlAssertionAttributes() {
        }

        static List<String> values(Object assertion, String name) {
            List<String> values = new ArrayList<>();
            for (Object statement : (Collection<?>) call(assertion, "getAttributeStatements")) {
                for (Object choice : (Collection<?>) call(statement, "getAttributes")) {
                    Object attribute = call(choice, "getAttribute");
                    if (attribute != null && (name.equals(call(attribute, "getName")) || name.equals(call(attribute, "getFriendlyName")))) {
                        for (Object value : (Collection<?>) call(attribute, "getAttributeValue")) {
                            if (value != null) {
                                values.add(value.toString());
                            }
                        }
                    }
                }
            }
            return values;
        }

        private static Object call(Object target, String getter) {
            try {
                Method method = target.getClass().getMethod(getter);
                return method.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Unexpected SAML assertion model: no " + getter + " on " + target.getClass().getName(), e);
            }
        }
    }
}
