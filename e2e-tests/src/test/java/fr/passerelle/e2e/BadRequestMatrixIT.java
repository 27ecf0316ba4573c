package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a partner gets for a bad request, case by case: authorization requests, token requests and data provider
 * calls with missing, repeated or oversized parameters, wrong client authentication, tokens of the wrong kind or
 * realm, revoked tokens. Each case checks the exact error the partner sees and that the broker stored nothing
 * (no trace row, no account, no session), except the one trace row every authenticated data provider call leaves.
 */
@ExtendWith(PasserelleServerExtension.class)
class BadRequestMatrixIT {

    /** What a partner sees: an HTTP status, an OAuth error and its description (or the error page's status). */
    record Seen(int status, String error, String description) {
        static Seen redirect(Page page) {
            assertTrue(page.isClientRedirect(), "expected an answer at the redirect URI, got " + page.status() + " " + page.uri() + ": " + page.text());
            Map<String, String> params = page.params();
            if (page.uri().getRawFragment() != null) {
                // a fragment response (implicit or hybrid response types) carries the error after '#'
                params = new Page(java.net.URI.create("x:/?" + page.uri().getRawFragment()), page.status(), "", page.document()).params();
            }
            assertNull(params.get("code"), "no code with an error");
            return new Seen(page.status(), params.get("error"), params.get("error_description"));
        }

        static Seen errorPage(Page page) {
            assertFalse(page.isClientRedirect(), "an error page, never a redirect to an unchecked URI: " + page.uri());
            return new Seen(page.status(), "page", null);
        }

        static Seen json(HttpResponse<String> response) {
            return new Seen(response.statusCode(), PartnerCalls.error(response), PartnerCalls.errorDescription(response));
        }

        static Seen checkToken(HttpResponse<String> response) {
            if (response.statusCode() == 200) {
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
                return new Seen(200, Json.MAPPER.convertValue(Json.parse(response.body()), Map.class).toString(), null);
            }
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
            return json(response);
        }
    }

    /**
     * One bad request: {@code prepare} sets up what it needs (a code, tokens), outside the measured snapshot, and
     * returns the call itself; {@code traceRows} is what the call may add to the trace table.
     */
    private record Case(String name, Supplier<Supplier<Seen>> prepare, Seen expected, int traceRows) {
        static Case of(String name, Supplier<Seen> call, Seen expected, int traceRows) {
            return new Case(name, () -> call, expected, traceRows);
        }
    }

    private static final Seen INACTIVE = new Seen(200, Map.of("active", false).toString(), null);

    @TestFactory
    Stream<DynamicTest> everyBadRequestGetsItsExactErrorAndStoresNothing(PasserelleServer server) {
        List<Case> cases = new ArrayList<>();
        cases.addAll(authorizationRequests(server));
        cases.addAll(tokenRequests(server));
        cases.addAll(dataProviderCalls(server));
        assertTrue(cases.size() >= 25, "matrix size " + cases.size());
        System.out.println("bad-request matrix: " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Supplier<Seen> call = c.prepare().get();
            PartnerCalls.Stored before = PartnerCalls.Stored.of(server);
            Seen seen = call.get();
            assertEquals(c.expected(), seen, c.name());
            PartnerCalls.Stored.of(server).assertNothingAddedSince(before, c.traceRows(), c.name());
        }));
    }

    private static List<Case> authorizationRequests(PasserelleServer server) {
        ServiceProvider sp = ServiceProvider.demoSp(server);
        return List.of(
                Case.of("authorize: no state", () -> Seen.redirect(open(PartnerCalls.without(sp.authorize("openid").url(), "state"))),
                        new Seen(302, "invalid_request", "Missing parameter: state"), 0),
                Case.of("authorize: no nonce", () -> Seen.redirect(open(PartnerCalls.without(sp.authorize("openid").url(), "nonce"))),
                        new Seen(302, "invalid_request", "Missing parameter: nonce"), 0),
                Case.of("authorize: empty state", () -> Seen.redirect(open(PartnerCalls.replacing(sp.authorize("openid").url(), "state", ""))),
                        new Seen(302, "invalid_request", "Missing parameter: state"), 0),
                Case.of("authorize: oversized state", () -> Seen.redirect(open(PartnerCalls.replacing(sp.authorize("openid").url(), "state", "s".repeat(600)))),
                        new Seen(302, "invalid_request", "Parameter too long: state (at most 512 characters)"), 0),
                Case.of("authorize: oversized nonce", () -> Seen.redirect(open(PartnerCalls.replacing(sp.authorize("openid").url(), "nonce", "n".repeat(600)))),
                        new Seen(302, "invalid_request", "Parameter too long: nonce (at most 512 characters)"), 0),
                Case.of("authorize: duplicated state", () -> Seen.redirect(open(PartnerCalls.adding(sp.authorize("openid").url(), "state", "again"))),
                        new Seen(302, "invalid_request", "duplicated parameter"), 0),
                Case.of("authorize: no PKCE (service client)", () -> Seen.redirect(open(PartnerCalls.without(PartnerCalls.without(
                        sp.authorize("openid").url(), "code_challenge"), "code_challenge_method"))),
                        new Seen(302, "invalid_request", "Missing parameter: code_challenge_method"), 0),
                Case.of("authorize: PKCE plain", () -> Seen.redirect(open(PartnerCalls.replacing(sp.authorize("openid").url(), "code_challenge_method", "plain"))),
                        new Seen(302, "invalid_request", "Invalid parameter: code challenge method is not matching the configured one"), 0),
                Case.of("authorize: no PKCE (public client)", () -> Seen.redirect(open(PartnerCalls.without(PartnerCalls.without(
                        new ServiceProvider(server, "passerelle", "demo-sp-public", null).authorize("openid").url(), "code_challenge"), "code_challenge_method"))),
                        new Seen(302, "invalid_request", "Missing parameter: code_challenge_method"), 0),
                Case.of("authorize: implicit response type", () -> Seen.redirect(open(PartnerCalls.replacing(sp.authorize("openid").url(), "response_type", "token"))),
                        new Seen(302, "unauthorized_client", "Client is not allowed to initiate browser login with given response_type. Implicit flow is disabled for the client."), 0),
                Case.of("authorize: a scope the client may not request", () -> Seen.redirect(open(sp.authorize("openid no_such_scope").url())),
                        new Seen(302, "invalid_scope", "Invalid scopes: openid no_such_scope"), 0),
                Case.of("authorize: unknown essential acr", () -> Seen.redirect(open(sp.authorize("openid")
                        .with("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"value\":\"loa-max\"}}}").url())),
                        new Seen(302, "unmet_authentication_requirements", "None of the essential acr values is a level this broker knows (eidas1, eidas2, eidas3)"), 0),
                Case.of("authorize: prompt=none with a data scope, no session", () -> Seen.redirect(open(sp.authorize("openid dgfip_rfr").with("prompt", "none").url())),
                        new Seen(302, "login_required", null), 0),
                new Case("authorize: prompt=none with a data scope, signed in but no consent yet", () -> {
                    Browser browser = Code.signedInBrowser(server, sp);
                    String url = sp.authorize("openid dgfip_rfr").with("prompt", "none").url();
                    return () -> Seen.redirect(browser.open(url));
                }, new Seen(302, "interaction_required", null), 0),
                Case.of("authorize: no redirect_uri", () -> Seen.errorPage(open(PartnerCalls.without(sp.authorize("openid").url(), "redirect_uri"))),
                        new Seen(400, "page", null), 0),
                Case.of("authorize: unregistered redirect_uri", () -> Seen.errorPage(open(PartnerCalls.replacing(sp.authorize("openid").url(), "redirect_uri",
                        ServiceProvider.REDIRECT_URI + "/../evil"))),
                        new Seen(400, "page", null), 0),
                Case.of("authorize: unknown client", () -> Seen.errorPage(open(PartnerCalls.replacing(sp.authorize("openid").url(), "client_id", "no-such-sp"))),
                        new Seen(400, "page", null), 0));
    }

    private static List<Case> tokenRequests(PasserelleServer server) {
        ServiceProvider sp = ServiceProvider.demoSp(server);
        String token = PartnerCalls.tokenEndpoint(server);
        return List.of(
                new Case("token: code with a wrong PKCE verifier", () -> {
                    Code code = Code.fresh(server, sp);
                    return () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("grant_type", "authorization_code", "code", code.value(),
                            "redirect_uri", ServiceProvider.REDIRECT_URI, "code_verifier", "x".repeat(43)), "demo-sp", "demo-sp-secret"));
                }, new Seen(400, "invalid_grant", "PKCE verification failed: Code mismatch"), 0),
                new Case("token: code without PKCE verifier", () -> {
                    Code code = Code.fresh(server, sp);
                    return () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("grant_type", "authorization_code", "code", code.value(),
                            "redirect_uri", ServiceProvider.REDIRECT_URI), "demo-sp", "demo-sp-secret"));
                }, new Seen(400, "invalid_grant", "PKCE code verifier not specified"), 0),
                new Case("token: code with a wrong client secret", () -> {
                    Code code = Code.fresh(server, sp);
                    return () -> Seen.json(PartnerCalls.post(token, code.redemption(), "demo-sp", "not-the-secret"));
                }, new Seen(401, "unauthorized_client", "Invalid client or Invalid client credentials"), 0),
                new Case("token: code redeemed by another client", () -> {
                    Code code = Code.fresh(server, sp);
                    return () -> Seen.json(PartnerCalls.post(token, code.redemption(), "demo-sp-annex", "demo-sp-annex-secret"));
                }, new Seen(400, "invalid_grant", "Auth error: Found different client_id in clientSession"), 0),
                new Case("token: code with another redirect_uri", () -> {
                    Code code = Code.fresh(server, sp);
                    return () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("grant_type", "authorization_code", "code", code.value(),
                            "redirect_uri", ServiceProvider.REDIRECT_URI + "x", "code_verifier", code.verifier()), "demo-sp", "demo-sp-secret"));
                }, new Seen(400, "invalid_grant", "Incorrect redirect_uri"), 0),
                new Case("token: duplicated code", () -> {
                    Code code = Code.fresh(server, sp);
                    List<Map.Entry<String, String>> fields = code.redemption();
                    fields.add(Map.entry("code", code.value()));
                    return () -> Seen.json(PartnerCalls.post(token, fields, "demo-sp", "demo-sp-secret"));
                }, new Seen(400, "invalid_request", "duplicated parameter"), 0),
                new Case("token: code used twice", () -> {
                    Code code = Code.fresh(server, sp);
                    HttpResponse<String> first = PartnerCalls.post(token, code.redemption(), "demo-sp", "demo-sp-secret");
                    assertEquals(200, first.statusCode(), first.body());
                    return () -> Seen.json(PartnerCalls.post(token, code.redemption(), "demo-sp", "demo-sp-secret"));
                }, new Seen(400, "invalid_grant", "Code not valid"), 0), // and Keycloak ends the session the code opened
                Case.of("token: no grant_type", () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("code", "x"), "demo-sp", "demo-sp-secret")),
                        new Seen(400, "invalid_request", "Missing form parameter: grant_type"), 0),
                Case.of("token: password grant", () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("grant_type", "password",
                        "username", "marie.dupont", "password", "demo"), "demo-sp", "demo-sp-secret")),
                        new Seen(400, "unauthorized_client", "Client not allowed for direct access grants"), 0),
                Case.of("token: client credentials grant", () -> Seen.json(PartnerCalls.post(token, PartnerCalls.fields("grant_type", "client_credentials"),
                        "demo-sp", "demo-sp-secret")),
                        new Seen(401, "unauthorized_client", "Client not enabled to retrieve service account"), 0));
    }

    private static List<Case> dataProviderCalls(PasserelleServer server) {
        DataProvider dp = DataProvider.demoDp(server);
        String checktoken = dp.endpoint();
        return List.of(
                Case.of("checktoken: no credentials", () -> Seen.checkToken(new DataProvider(server, "demo-dp", null).checkToken("x", "application/json")),
                        new Seen(401, "invalid_client", "The data provider's credentials are missing or wrong"), 0),
                Case.of("checktoken: wrong secret", () -> Seen.checkToken(new DataProvider(server, "demo-dp", "wrong").checkToken("x", "application/json")),
                        new Seen(401, "invalid_client", "The data provider's credentials are missing or wrong"), 0),
                Case.of("checktoken: unknown client", () -> Seen.checkToken(new DataProvider(server, "no-such-dp", "y").checkToken("x", "application/json")),
                        new Seen(401, "invalid_client", "The data provider's credentials are missing or wrong"), 0),
                Case.of("checktoken: an SP's credentials", () -> Seen.checkToken(new DataProvider(server, "demo-sp", "demo-sp-secret").checkToken("x", "application/json")),
                        new Seen(403, "unauthorized_client", "Only data providers may call checktoken"), 1),
                Case.of("checktoken: no token", () -> Seen.checkToken(dp.checkToken(null, "application/json")),
                        new Seen(400, "invalid_request", "The form field token is required, once"), 1),
                Case.of("checktoken: duplicated token", () -> Seen.checkToken(PartnerCalls.post(checktoken, PartnerCalls.fields("token", "a", "token", "b"),
                        "demo-dp", "demo-dp-secret-keying-hs256-answers")),
                        new Seen(400, "invalid_request", "The form field token is required, once"), 1),
                Case.of("checktoken: oversized token", () -> Seen.checkToken(dp.checkToken("e".repeat(64 * 1024), "application/json")),
                        INACTIVE, 1),
                Case.of("checktoken: foreign-realm token", () -> Seen.checkToken(dp.checkToken(server.admin().accessToken(), "application/json")),
                        INACTIVE, 1),
                new Case("checktoken: ID token", () -> {
                    String idToken = Issued.withData(server).rawIdToken();
                    return () -> Seen.checkToken(dp.checkToken(idToken, "application/json"));
                },
                        INACTIVE, 1),
                new Case("checktoken: refresh token", () -> {
                    String refreshToken = Issued.withData(server).refreshToken();
                    return () -> Seen.checkToken(dp.checkToken(refreshToken, "application/json"));
                },
                        INACTIVE, 1),
                new Case("checktoken: access token revoked via /revoke", () -> {
                    Tokens tokens = Issued.withData(server);
                    HttpResponse<String> revoked = PartnerCalls.post(PartnerCalls.revocationEndpoint(server),
                            PartnerCalls.fields("token", tokens.accessToken(), "token_type_hint", "access_token"), "demo-sp", "demo-sp-secret");
                    assertEquals(200, revoked.statusCode(), revoked.body());
                    return () -> Seen.checkToken(dp.checkToken(tokens.accessToken(), "application/json"));
                }, INACTIVE, 1),
                new Case("checktoken: access token of a refresh token revoked via /revoke", () -> {
                    Tokens tokens = Issued.withData(server);
                    HttpResponse<String> revoked = PartnerCalls.post(PartnerCalls.revocationEndpoint(server),
                            PartnerCalls.fields("token", tokens.refreshToken(), "token_type_hint", "refresh_token"), "demo-sp", "demo-sp-secret");
                    assertEquals(200, revoked.statusCode(), revoked.body());
                    return () -> Seen.checkToken(dp.checkToken(tokens.accessToken(), "application/json"));
                }, INACTIVE, 1),
                new Case("checktoken: token granting this DP nothing", () -> {
                    String accessToken = Issued.withData(server).accessToken();
                    return () -> Seen.checkToken(new DataProvider(server, "demo-dp-2", "demo-dp-2-secret-keying-hs256-answers").checkToken(accessToken, "application/json"));
                },
                        INACTIVE, 1));
    }

    private static Page open(String url) {
        return LoginFlow.newBrowser().open(url);
    }

    /** A fresh authorization code of demo-sp for a person signed in once (single sign-on serves the next ones). */
    private record Code(String value, String verifier) {
        private static Browser signedIn;

        static Code fresh(PasserelleServer server, ServiceProvider sp) {
            String verifier = PartnerCalls.randomVerifier();
            String url = PartnerCalls.replacing(sp.authorize("openid profile").url(), "code_challenge", PartnerCalls.challenge(verifier));
            Page back;
            if (signedIn == null) {
                signedIn = LoginFlow.newBrowser();
                Page choice = signedIn.open(url);
                back = LoginFlow.signInAtIdp(signedIn, LoginFlow.chooseIdp(signedIn, choice, DemoPeople.JEAN_BAPTISTE.idp()),
                        DemoPeople.JEAN_BAPTISTE.login(), DemoPeople.PASSWORD);
            } else {
                back = signedIn.open(url);
            }
            assertTrue(back.isClientRedirect(), back.text());
            return new Code(back.params().get("code"), verifier);
        }

        static Browser signedInBrowser(PasserelleServer server, ServiceProvider sp) {
            if (signedIn == null) {
                fresh(server, sp);
            }
            return signedIn;
        }

        List<Map.Entry<String, String>> redemption() {
            return PartnerCalls.fields("grant_type", "authorization_code", "code", value, "redirect_uri", ServiceProvider.REDIRECT_URI,
                    "code_verifier", verifier);
        }
    }

    /** Tokens of demo-sp with demo-dp's data scope, for the DP cases (set up outside the measured call's snapshot). */
    private static final class Issued {
        static Tokens withData(PasserelleServer server) {
            ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid profile dgfip_rfr");
            Browser browser = LoginFlow.newBrowser();
            Page consent = LoginFlow.signIn(browser, authorization, DemoPeople.MARIE_IMPOTS);
            return authorization.redeem(browser.submit(consent, "#passerelle-consent-form", Map.of("accept", "")));
        }
    }
}
