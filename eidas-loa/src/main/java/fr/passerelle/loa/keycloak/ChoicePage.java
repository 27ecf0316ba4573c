package fr.passerelle.loa.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

import fr.passerelle.loa.IdpAccess;
import fr.passerelle.loa.IdpChoice;
import fr.passerelle.loa.IdpOption;
import fr.passerelle.names.IdpConfig;

/** Draws the IdP choice page: each IdP with its state for this request, and an error banner when there is one. */
final class ChoicePage {

    static final String TEMPLATE = "passerelle-idp-choice.ftl";

    private ChoicePage() {
    }

    static void show(AuthenticationFlowContext context, IdpAccess access, String errorKey, Object... errorParameters) {
        KeycloakSession session = context.getSession();
        List<Map<String, Object>> views = IdpChoice.options(access).stream().map(option -> view(session, option)).toList();
        LoginFormsProvider form = context.form()
                .setAttribute("passerelleIdps", views)
                .setAttribute("passerelleRequestedLevel", access.requested().acr());
        if (errorKey != null) {
            form.setError(errorKey, errorParameters);
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    static String displayNameOf(KeycloakSession session, String alias) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        return idp == null || idp.getDisplayName() == null || idp.getDisplayName().isBlank() ? alias : idp.getDisplayName();
    }

    private static Map<String, Object> view(KeycloakSession session, IdpOption option) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(option.entry().alias());
        Map<String, String> config = idp.getConfig();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("alias", option.entry().alias());
        view.put("displayName", option.entry().displayName());
        view.put("selectable", option.selectable());
        view.put("state", option.state().name());
        view.put("reasonKey", "passerelleIdpState_" + option.state().name());
        view.put("maintenanceMessage", option.entry().maintenanceMessage() == null ? "" : option.entry().maintenanceMessage());
        view.put("maintenanceAnnouncement", LevelSettings.maintenanceAnnouncement(idp));
        view.put("logo", config.getOrDefault(IdpConfig.LOGO, ""));
        view.put("help", config.getOrDefault(IdpConfig.HELP, ""));
        view.put("euCitizen", Boolean.parseBoolean(config.get(IdpConfig.EU_CITIZEN)));
        view.put("ceiling", option.entry().policy().ceiling().acr());
        return view;
    }
}
