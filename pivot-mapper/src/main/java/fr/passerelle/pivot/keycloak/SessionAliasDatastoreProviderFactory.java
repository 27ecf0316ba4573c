package fr.passerelle.pivot.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionProvider;
import org.keycloak.storage.DatastoreProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProviderFactory;

/**
 * Keycloak's default datastore (same id, so it takes the built-in one's place), whose user sessions accept a sector's
 * session alias wherever a session is looked up by id: refresh, userinfo, introspection, revocation, logout by ID
 * token, {@code checktoken}. Everything else is Keycloak's. Keycloak's own session providers are untouched (code that
 * asks for them directly, such as their persistence and expiry, gets them as before).
 */
public class SessionAliasDatastoreProviderFactory extends DefaultDatastoreProviderFactory {

    @Override
    public DatastoreProvider create(KeycloakSession session) {
        return new DefaultDatastoreProvider(this, session) {

            private UserSessionProvider sessions;

            @Override
            public UserSessionProvider userSessions() {
                if (sessions == null) {
                    sessions = new AliasResolvingUserSessions(session, super.userSessions());
                }
                return sessions;
            }
        };
    }
}
