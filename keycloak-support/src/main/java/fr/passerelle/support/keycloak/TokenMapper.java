package fr.passerelle.support.keycloak;

import java.util.List;

import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A token mapper of the suite: listed under Keycloak's "Token mapper" category, with no per-mapper configuration
 * (its settings are realm and client attributes). A subclass gives its id and texts and the token methods it needs.
 */
public abstract class TokenMapper extends AbstractOIDCProtocolMapper {

    private final String id;
    private final String displayType;
    private final String helpText;

    protected TokenMapper(String id, String displayType, String helpText) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
