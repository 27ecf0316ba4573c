package fr.passerelle.onboarding;

import java.util.List;

/**
 * A service to register or to reconfigure, as its description file or the admin console states it. Lists are
 * never null (empty when absent); other fields are null when absent.
 */
public record ServiceDescription(ServiceKind kind, String clientId, String name, String sector,
                                 List<String> redirectUris, List<String> postLogoutRedirectUris,
                                 List<String> allowedIdps, List<String> deniedIdps,
                                 String defaultLevel, String minimumLevel, String consent,
                                 List<String> scopes, List<DataScope> dataScopes) {

    public ServiceDescription {
        redirectUris = List.copyOf(redirectUris == null ? List.of() : redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris);
        allowedIdps = List.copyOf(allowedIdps == null ? List.of() : allowedIdps);
        deniedIdps = List.copyOf(deniedIdps == null ? List.of() : deniedIdps);
        scopes = List.copyOf(scopes == null ? List.of() : scopes);
        dataScopes = List.copyOf(dataScopes == null ? List.of() : dataScopes);
    }
}
