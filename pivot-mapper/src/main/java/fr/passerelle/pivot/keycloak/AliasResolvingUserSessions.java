package fr.passerelle.pivot.keycloak;

import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.UserSessionProvider;

/**
 * Keycloak's user session provider, as every caller of {@code session.sessions()} sees it: a look-up by id accepts a
 * sector's session alias (from a token's {@code sid}) as well as the session id itself. Everything else is the
 * delegate's.
 */
final class AliasResolvingUserSessions implements UserSessionProvider {

    private final KeycloakSession session;
    private final UserSessionProvider delegate;

    AliasResolvingUserSessions(KeycloakSession session, UserSessionProvider delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    private String id(String idOrAlias) {
        return SessionAliases.sessionId(session, idOrAlias);
    }

    @Override
    public UserSessionModel getUserSession(RealmModel realm, String id) {
        return delegate.getUserSession(realm, id(id));
    }

    @Override
    public UserSessionModel getUserSessionIfClientExists(RealmModel realm, String userSessionId, boolean offline, String clientUUID) {
        return delegate.getUserSessionIfClientExists(realm, id(userSessionId), offline, clientUUID);
    }

    @Override
    public UserSessionModel getUserSessionWithPredicate(RealmModel realm, String id, boolean offline, Predicate<UserSessionModel> predicate) {
        return delegate.getUserSessionWithPredicate(realm, id(id), offline, predicate);
    }

    @Override
    public UserSessionModel getOfflineUserSession(RealmModel realm, String userSessionId) {
        return delegate.getOfflineUserSession(realm, id(userSessionId));
    }

    // Everything below is the delegate's, unchanged.

    @Override
    public KeycloakSession getKeycloakSession() {
        return delegate.getKeycloakSession();
    }

    @Override
    public AuthenticatedClientSessionModel createClientSession(RealmModel realm, ClientModel client, UserSessionModel userSession) {
        return delegate.createClientSession(realm, client, userSession);
    }

    @Override
    public AuthenticatedClientSessionModel getClientSession(UserSessionModel userSession, ClientModel client, boolean offline) {
        return delegate.getClientSession(userSession, client, offline);
    }

    @Override
    public UserSessionModel createUserSession(String id, RealmModel realm, UserModel user, String loginUsername, String ipAddress,
            String authMethod, boolean rememberMe, String brokerSessionId, String brokerUserId,
            UserSessionModel.SessionPersistenceState persistenceState) {
        return delegate.createUserSession(id, realm, user, loginUsername, ipAddress, authMethod, rememberMe, brokerSessionId,
                brokerUserId, persistenceState);
    }

    @Override
    public Stream<UserSessionModel> getUserSessionsStream(RealmModel realm, UserModel user) {
        return delegate.getUserSessionsStream(realm, user);
    }

    @Override
    public Stream<UserSessionModel> getUserSessionsStream(RealmModel realm, ClientModel client) {
        return delegate.getUserSessionsStream(realm, client);
    }

    @Override
    public Stream<UserSessionModel> getUserSessionsStream(RealmModel realm, ClientModel client, Integer firstResult, Integer maxResults) {
        return delegate.getUserSessionsStream(realm, client, firstResult, maxResults);
    }

    @Override
    public Stream<UserSessionModel> getUserSessionByBrokerUserIdStream(RealmModel realm, String brokerUserId) {
        return delegate.getUserSessionByBrokerUserIdStream(realm, brokerUserId);
    }

    @Override
    public UserSessionModel getUserSessionByBrokerSessionId(RealmModel realm, String brokerSessionId) {
        return delegate.getUserSessionByBrokerSessionId(realm, brokerSessionId);
    }

    @Override
    public long getActiveUserSessions(RealmModel realm, ClientModel client) {
        return delegate.getActiveUserSessions(realm, client);
    }

    @Override
    public Map<String, Long> getActiveClientSessionStats(RealmModel realm, boolean offline) {
        return delegate.getActiveClientSessionStats(realm, offline);
    }

    @Override
    public void removeUserSession(RealmModel realm, UserSessionModel userSession) {
        delegate.removeUserSession(realm, userSession);
    }

    @Override
    public void removeUserSessions(RealmModel realm, UserModel user) {
        delegate.removeUserSessions(realm, user);
    }

    @Override
    public void removeAllExpired() {
        delegate.removeAllExpired();
    }

    @Override
    public void removeExpired(RealmModel realm) {
        delegate.removeExpired(realm);
    }

    @Override
    public void removeUserSessions(RealmModel realm) {
        delegate.removeUserSessions(realm);
    }

    @Override
    public void onRealmRemoved(RealmModel realm) {
        delegate.onRealmRemoved(realm);
    }

    @Override
    public void onClientRemoved(RealmModel realm, ClientModel client) {
        delegate.onClientRemoved(realm, client);
    }

    @Override
    public UserSessionModel createOfflineUserSession(UserSessionModel userSession) {
        return delegate.createOfflineUserSession(userSession);
    }

    @Override
    public void removeOfflineUserSession(RealmModel realm, UserSessionModel userSession) {
        delegate.removeOfflineUserSession(realm, userSession);
    }

    @Override
    public AuthenticatedClientSessionModel createOfflineClientSession(AuthenticatedClientSessionModel clientSession, UserSessionModel offlineUserSession) {
        return delegate.createOfflineClientSession(clientSession, offlineUserSession);
    }

    @Override
    public Stream<UserSessionModel> getOfflineUserSessionsStream(RealmModel realm, UserModel user) {
        return delegate.getOfflineUserSessionsStream(realm, user);
    }

    @Override
    public Stream<UserSessionModel> getOfflineUserSessionByBrokerUserIdStream(RealmModel realm, String brokerUserId) {
        return delegate.getOfflineUserSessionByBrokerUserIdStream(realm, brokerUserId);
    }

    @Override
    public long getOfflineSessionsCount(RealmModel realm, ClientModel client) {
        return delegate.getOfflineSessionsCount(realm, client);
    }

    @Override
    public Stream<UserSessionModel> getOfflineUserSessionsStream(RealmModel realm, ClientModel client, Integer firstResult, Integer maxResults) {
        return delegate.getOfflineUserSessionsStream(realm, client, firstResult, maxResults);
    }

    @Override
    public void importUserSessions(Collection<UserSessionModel> persistentUserSessions, boolean offline) {
        delegate.importUserSessions(persistentUserSessions, offline);
    }

    @Override
    public int getStartupTime(RealmModel realm) {
        return delegate.getStartupTime(realm);
    }

    @Override
    public void migrate(String modelVersion) {
        delegate.migrate(modelVersion);
    }

    @Override
    public Stream<UserSessionModel> readOnlyStreamUserSessions(RealmModel realm) {
        return delegate.readOnlyStreamUserSessions(realm);
    }

    @Override
    public Stream<UserSessionModel> readOnlyStreamOfflineUserSessions(RealmModel realm) {
        return delegate.readOnlyStreamOfflineUserSessions(realm);
    }

    @Override
    public Stream<UserSessionModel> readOnlyStreamUserSessions(RealmModel realm, ClientModel client, int skip, int maxResults) {
        return delegate.readOnlyStreamUserSessions(realm, client, skip, maxResults);
    }

    @Override
    public Stream<UserSessionModel> readOnlyStreamOfflineUserSessions(RealmModel realm, ClientModel client, int skip, int maxResults) {
        return delegate.readOnlyStreamOfflineUserSessions(realm, client, skip, maxResults);
    }

    @Override
    public void close() {
        // the delegate is Keycloak's provider: the session closes it
    }
}
