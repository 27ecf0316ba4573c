package fr.passerelle.e2e;

import java.util.Map;

/** The pages a person goes through to sign in to an SP via the broker: small page objects over {@link Browser}. */
public final class LoginFlow {

    private LoginFlow() {
    }

    /** On the broker's IdP choice page: picks the IdP. */
    public static Page chooseIdp(Browser browser, Page choice, String alias) {
        return browser.click(choice, "a#social-" + alias + ", a[data-idp=" + alias + "]");
    }

    /** On an IdP's login form: types the credentials and follows until a page or the SP's redirect. */
    public static Page signInAtIdp(Browser browser, Page idpLogin, String username, String password) {
        return browser.submit(idpLogin, "form#kc-form-login", Map.of("username", username, "password", password));
    }

    /** The whole way: authorization request, IdP choice, IdP login, back to the SP. */
    public static Page signIn(Browser browser, ServiceProvider.Authorization authorization, DemoPeople person) {
        Page choice = browser.open(authorization.url());
        Page idpLogin = chooseIdp(browser, choice, person.idp());
        return signInAtIdp(browser, idpLogin, person.login(), DemoPeople.PASSWORD);
    }

    public static Browser newBrowser() {
        return new Browser(ServiceProvider.REDIRECT_URI);
    }
}
