package fr.passerelle.onboarding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.passerelle.consent.ConsentPolicy;
import fr.passerelle.loa.EidasLevel;

/**
 * What the broker refuses to register: the same rules for the registration endpoint (and so the script) and
 * for the admin-console tab. Pure: the realm is described by {@link RealmFacts}.
 */
public final class OnboardingRules {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern SECTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SCOPE_NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private OnboardingRules() {
    }

    /** Everything wrong with a new service; empty when it may be registered. */
    public static List<Violation> checkRegistration(ServiceDescription service, RealmFacts realm) {
        List<Violation> violations = new ArrayList<>();
        if (service.kind() == null) {
            violations.add(new Violation("kind-invalid", "kind", "kind must be service-provider or data-provider"));
            return violations;
        }
        if (service.clientId() == null || !CLIENT_ID.matcher(service.clientId()).matches()) {
            violations.add(new Violation("client-id-invalid", "clientId", "clientId: 2 to 64 of a-z 0-9 . _ -, starting with a letter or digit"));
        } else if (realm.clientIds().contains(service.clientId())) {
            violations.add(new Violation("client-exists", "clientId", "a client " + service.clientId() + " already exists"));
        }
        if (blank(service.name())) {
            violations.add(new Violation("name-missing", "name", "the name people see is required"));
        }
        violations.addAll(checkSettings(service, realm));
        if (service.kind() == ServiceKind.SERVICE_PROVIDER) {
            if (service.redirectUris().isEmpty()) {
                violations.add(new Violation("redirect-missing", "redirectUris", "a service provider needs at least one redirect URI"));
            }
            checkUris(service.redirectUris(), "redirectUris", violations);
            checkUris(service.postLogoutRedirectUris(), "postLogoutRedirectUris", violations);
            for (String scope : service.scopes()) {
                if (!realm.clientScopes().contains(scope)) {
                    violations.add(new Violation("scope-unknown", "scopes", "no client scope " + scope + " in the realm"));
                }
            }
        } else {
            if (!service.redirectUris().isEmpty() || !service.postLogoutRedirectUris().isEmpty() || !service.scopes().isEmpty()) {
                violations.add(new Violation("not-for-data-provider", "redirectUris",
                        "a data provider has no redirect URI and requests no scope: nobody signs in to it"));
            }
            if (service.dataScopes().isEmpty()) {
                violations.add(new Violation("data-scopes-missing", "dataScopes", "a data provider serves at least one data scope"));
            }
            Set<String> seen = new HashSet<>();
            for (DataScope scope : service.dataScopes()) {
                if (scope.name() == null || !SCOPE_NAME.matcher(scope.name()).matches()) {
                    violations.add(new Violation("data-scope-invalid", "dataScopes", "data scope name: 2 to 64 of a-z 0-9 _, starting with a letter: " + scope.name()));
                } else if (realm.clientScopes().contains(scope.name()) || !seen.add(scope.name())) {
                    violations.add(new Violation("data-scope-exists", "dataScopes", "a client scope " + scope.name() + " already exists"));
                }
                if (blank(scope.consentText())) {
                    violations.add(new Violation("consent-text-missing", "dataScopes", "data scope " + scope.name() + " needs the text of the consent page"));
                }
            }
        }
        return violations;
    }

    /**
     * The per-service settings alone (sector, IdPs, levels, consent), as the admin-console tab edits them on an
     * existing client.
     */
    public static List<Violation> checkSettings(ServiceDescription service, RealmFacts realm) {
        List<Violation> violations = new ArrayList<>();
        if (blank(service.sector())) {
            violations.add(new Violation("sector-missing", "sector", "the sector is required: it keeps the pairwise sub of this service apart from others"));
        } else if (!SECTOR.matcher(service.sector()).matches()) {
            violations.add(new Violation("sector-invalid", "sector", "sector: 1 to 64 of a-z 0-9 . _ -"));
        }
        for (String idp : service.allowedIdps()) {
            if (!realm.idps().contains(idp)) {
                violations.add(new Violation("idp-unknown", "allowedIdps", "no identity provider " + idp + " in the realm"));
            }
        }
        for (String idp : service.deniedIdps()) {
            if (!realm.idps().contains(idp)) {
                violations.add(new Violation("idp-unknown", "deniedIdps", "no identity provider " + idp + " in the realm"));
            } else if (service.allowedIdps().contains(idp)) {
                violations.add(new Violation("idp-allowed-and-denied", "deniedIdps", idp + " is both allowed and denied"));
            }
        }
        Optional<EidasLevel> defaultLevel = level(service.defaultLevel(), "defaultLevel", violations);
        Optional<EidasLevel> minimumLevel = level(service.minimumLevel(), "minimumLevel", violations);
        if (defaultLevel.isPresent() && minimumLevel.isPresent() && !defaultLevel.get().isAtLeast(minimumLevel.get())) {
            violations.add(new Violation("level-default-below-minimum", "defaultLevel", "the default level is below the minimum level"));
        }
        if (!blank(service.consent())) {
            try {
                ConsentPolicy.parse(service.consent());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("consent-invalid", "consent", "consent: data-scopes, every-login or remember"));
            }
        }
        return violations;
    }

    private static Optional<EidasLevel> level(String value, String field, List<Violation> violations) {
        if (blank(value)) {
            return Optional.empty();
        }
        Optional<EidasLevel> level = EidasLevel.fromAcr(value.strip());
        if (level.isEmpty()) {
            violations.add(new Violation("level-invalid", field, field + ": eidas1, eidas2 or eidas3"));
        }
        return level;
    }

    private static void checkUris(List<String> uris, String field, List<Violation> violations) {
        for (String uri : uris) {
            if (uri == null || uri.contains("*")) {
                violations.add(new Violation("redirect-wildcard", field, "no wildcard: register each exact URI (" + uri + ")"));
                continue;
            }
            try {
                URI parsed = new URI(uri);
                String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
                boolean loopback = parsed.getHost() != null && LOOPBACK_HOSTS.contains(parsed.getHost().toLowerCase(Locale.ROOT));
                if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getFragment() != null) {
                    violations.add(new Violation("redirect-invalid", field, "an absolute URI with a host and no fragment: " + uri));
                } else if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                    violations.add(new Violation("redirect-not-https", field, "https only (http for localhost alone): " + uri));
                }
            } catch (URISyntaxException e) {
                violations.add(new Violation("redirect-invalid", field, "not a URI: " + uri));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
