package fr.passerelle.wallet.keycloak;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The EU Digital Identity Wallet as an identity provider type. The verifier's keystore and the PID
 * providers' trust anchors are server settings ({@code spi-identity-provider--passerelle-wallet--*}),
 * the same for every realm; the wallet invocation URL and the request lifetime are per identity provider.
 */
public class WalletIdentityProviderFactory extends AbstractIdentityProviderFactory<WalletIdentityProvider> {

    public static final String PROVIDER_ID = "passerelle-wallet";

    private Config.Scope config;
    private volatile WalletSettings settings;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "EU Digital Identity Wallet";
    }

    @Override
    public String getHelpText() {
        return "Sign-in with the PID of an EU Digital Identity Wallet, presented with OpenID4VP (HAIP profile, SD-JWT VC).";
    }

    /**
     * Keycloak names this SPI {@code identity_provider} and keeps the underscore in the scope it hands
     * over, where no command-line option can reach; the scope is therefore read under the spelling
     * operators write, {@code --spi-identity-provider--passerelle-wallet--<option>}.
     */
    @Override
    public void init(Config.Scope config) {
        this.config = Config.scope("identity-provider", PROVIDER_ID);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.settings = WalletSettings.load(config, factory);
    }

    @Override
    public WalletIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new WalletIdentityProvider(session, model, settings);
    }

    @Override
    public IdentityProviderModel createConfig() {
        return new IdentityProviderModel();
    }

    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String configString) {
        return Map.of();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of(
                new ProviderConfigProperty(WalletIdentityProvider.WALLET_URL, "Wallet invocation URL",
                        "Where the same-device button sends the person: the wallet's URL scheme or a web wallet's address."
                                + " HAIP's default is haip-vp://.",
                        ProviderConfigProperty.STRING_TYPE, WalletIdentityProvider.DEFAULT_WALLET_URL),
                new ProviderConfigProperty(WalletIdentityProvider.REQUEST_LIFETIME, "Request lifetime (seconds)",
                        "How long a wallet may take to answer one presentation request.",
                        ProviderConfigProperty.STRING_TYPE, String.valueOf(WalletIdentityProvider.DEFAULT_REQUEST_LIFETIME)));
    }
}
