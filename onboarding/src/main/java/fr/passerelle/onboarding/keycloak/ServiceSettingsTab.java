package fr.passerelle.onboarding.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import fr.passerelle.onboarding.DataScope;
import fr.passerelle.onboarding.OnboardingRules;
import fr.passerelle.onboarding.ServiceDescription;
import fr.passerelle.onboarding.ServiceKind;
import fr.passerelle.onboarding.Violation;

/**
 * The "passerelle-service" tab of a client in the admin console (Keycloak's declarative UI, feature
 * {@code declarative-ui}): sector, allowed and denied IdPs, default and minimum level, consent policy, and a DP's
 * data scopes, checked by the same rules as a registration. The console saves the form as a realm component with
 * the client's id among its values; saving checks it ({@link #validateConfiguration}, the console shows the
 * refusal) and writes the settings to the client's attributes ({@link #onCreate}, {@link #onUpdate}).
 */
public class ServiceSettingsTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "passerelle-service";
    /** Set by the console from the page's address: the client's internal id. */
    static final String CLIENT = "clientId";
    /** The type of the values the console takes from the page's address rather than from a field. */
    static final String FROM_PAGE = "passerelle-from-page";
    /** The form's fields and the client attributes they write. */
    private static final Map<String, String> ATTRIBUTES = Map.of("sector", ServiceAttributes.SECTOR,
            "allowedIdps", ServiceAttributes.IDP_ALLOW, "deniedIdps", ServiceAttributes.IDP_DENY,
            "defaultLevel", ServiceAttributes.DEFAULT_LEVEL, "minimumLevel", ServiceAttributes.MINIMUM_LEVEL,
            "consent", ServiceAttributes.CONSENT);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Passerelle settings of this service: sector, identity providers, levels, consent, data scopes";
    }

    @Override
    public String getPath() {
        return "/:realm/clients/:clientId/:tab";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "passerelle");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<String> levels = List.of("", "eidas1", "eidas2", "eidas3");
        return ProviderConfigurationBuilder.create()
                .property().name("sector").label("Sector").type(ProviderConfigProperty.STRING_TYPE).required(true)
                .helpText("Required. Services of one sector receive the same pairwise sub for a person; other sectors a different one. "
                        + "1 to 64 of a-z 0-9 . _ -. Changing it changes every sub this service receives.").add()
                .property().name("allowedIdps").label("Allowed identity providers").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("Aliases of the realm's identity providers this service accepts; empty: all of them.").add()
                .property().name("deniedIdps").label("Denied identity providers").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("Aliases never offered to this service's users, even when allowed.").add()
                .property().name("defaultLevel").label("Default level").type(ProviderConfigProperty.LIST_TYPE).options(levels)
                .helpText("The level when the service's request names none (eidas1, eidas2, eidas3); empty: the platform's default.").add()
                .property().name("minimumLevel").label("Minimum level").type(ProviderConfigProperty.LIST_TYPE).options(levels)
                .helpText("Requests for less are raised to it; not above the default level.").add()
                .property().name("consent").label("Consent policy").type(ProviderConfigProperty.LIST_TYPE)
                .options("", "data-scopes", "every-login", "remember")
                .helpText("When people see the consent page: data-scopes (each login that asks for data, the default), "
                        + "every-login, or remember (once per set of data scopes).").add()
                .property().name("dataScopes").label("Data scopes served (data providers)").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("For a data provider only: the data scopes it serves. A missing one is created (then set its consent text "
                        + "under Client scopes); one served by another data provider is refused.").add()
                // Filled by the console from the page's address. Declared so that Keycloak keeps them when the form is
                // saved again (it drops undeclared keys on update); a type the console has no editor for is not shown.
                .property().name(CLIENT).label("Client").type(FROM_PAGE).add()
                .property().name("tab").label("Tab").type(FROM_PAGE).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) throws ComponentValidationException {
        ClientModel client = clientOf(realm, model);
        List<Violation> violations = new ArrayList<>(OnboardingRules.checkSettings(settingsOf(client, model), ServiceAttributes.factsOf(session, realm)));
        for (String name : model.getConfig().getOrDefault("dataScopes", List.of())) {
            realm.getClientScopesStream().filter(scope -> scope.getName().equals(name)).findFirst()
                    .map(scope -> scope.getAttribute(ServiceAttributes.DATA_PROVIDER))
                    .filter(owner -> owner != null && !owner.isBlank() && !owner.equals(client.getClientId()))
                    .ifPresent(owner -> violations.add(new Violation("data-scope-exists", "dataScopes", name + " is served by " + owner)));
            if (!name.matches("[a-z][a-z0-9_]{1,63}")) {
                violations.add(new Violation("data-scope-invalid", "dataScopes", "data scope name: a-z 0-9 _: " + name));
            }
        }
        if (!violations.isEmpty()) {
            throw new ComponentValidationException(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        apply(realm, null, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        apply(realm, oldModel, newModel);
    }

    /**
     * Writes the saved values to the client. Keycloak keeps one form per realm, so the form opened on a client
     * shows the values last saved for another one: a field the operator left as it was shown then (same value
     * as saved for that other client) is not written, and the client keeps its own value.
     */
    private static void apply(RealmModel realm, ComponentModel previous, ComponentModel model) {
        ClientModel client = clientOf(realm, model);
        ServiceDescription settings = settingsOf(client, model);
        boolean otherClient = previous != null && !Objects.equals(previous.get(CLIENT), model.get(CLIENT));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sector", settings.sector() == null ? "" : settings.sector().strip());
        attributes.put("allowedIdps", String.join(",", settings.allowedIdps()));
        attributes.put("deniedIdps", String.join(",", settings.deniedIdps()));
        attributes.put("defaultLevel", orEmpty(settings.defaultLevel()));
        attributes.put("minimumLevel", orEmpty(settings.minimumLevel()));
        attributes.put("consent", orEmpty(settings.consent()));
        attributes.forEach((field, value) -> {
            boolean shownUnchanged = otherClient && Objects.equals(previous.getConfig().getOrDefault(field, List.of()),
                    model.getConfig().getOrDefault(field, List.of()));
            if (!shownUnchanged) {
                client.setAttribute(ATTRIBUTES.get(field), value);
            }
        });
        if (!model.getConfig().getOrDefault("dataScopes", List.of()).isEmpty()) {
            client.setAttribute(ServiceAttributes.DATA_PROVIDER, "true");
        }
        boolean scopesShownUnchanged = otherClient && Objects.equals(previous.getConfig().getOrDefault("dataScopes", List.of()),
                model.getConfig().getOrDefault("dataScopes", List.of()));
        for (String name : scopesShownUnchanged ? List.<String>of() : model.getConfig().getOrDefault("dataScopes", List.<String>of())) {
            ClientScopeModel scope = realm.getClientScopesStream().filter(s -> s.getName().equals(name)).findFirst().orElseGet(() -> {
                ClientScopeModel created = realm.addClientScope(name);
                created.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
                created.setAttribute("include.in.token.scope", "true");
                created.setAttribute("display.on.consent.screen", "true");
                created.setAttribute("consent.screen.text", name);
                realm.addDefaultClientScope(created, false);
                return created;
            });
            scope.setAttribute(ServiceAttributes.DATA_PROVIDER, client.getClientId());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static ClientModel clientOf(RealmModel realm, ComponentModel model) {
        String id = model.get(CLIENT);
        ClientModel client = id == null ? null : realm.getClientById(id);
        if (client == null) {
            throw new ComponentValidationException("Open this tab from a client: no client " + Objects.toString(id, "given"));
        }
        return client;
    }

    private static ServiceDescription settingsOf(ClientModel client, ComponentModel model) {
        boolean dp = Boolean.parseBoolean(client.getAttribute(ServiceAttributes.DATA_PROVIDER))
                || !model.getConfig().getOrDefault("dataScopes", List.of()).isEmpty();
        List<DataScope> dataScopes = model.getConfig().getOrDefault("dataScopes", List.of()).stream()
                .map(name -> new DataScope(name, "", name)).toList();
        return new ServiceDescription(dp ? ServiceKind.DATA_PROVIDER : ServiceKind.SERVICE_PROVIDER, client.getClientId(), client.getName(),
                model.get("sector"), List.of(), List.of(), values(model, "allowedIdps"), values(model, "deniedIdps"),
                model.get("defaultLevel"), model.get("minimumLevel"), model.get("consent"), List.of(), dataScopes);
    }

    private static List<String> values(ComponentModel model, String key) {
        return model.getConfig().getOrDefault(key, List.of()).stream()
                .flatMap(value -> ServiceAttributes.list(value, "[,\\s]+").stream()).toList();
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
}
