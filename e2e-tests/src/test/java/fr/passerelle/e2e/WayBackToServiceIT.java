package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A person who does not want to sign in is not stuck on the broker: the service gets an error it can handle. */
@ExtendWith(PasserelleServerExtension.class)
class WayBackToServiceIT {

    @Test
    void theChoicePageLeadsBackToTheServiceWithAccessDenied(PasserelleServer server) {
        ServiceProvider.Authorization authorization = ServiceProvider.demoSp(server).authorize("openid");
        Browser browser = LoginFlow.newBrowser();
        Page choice = browser.open(authorization.url());
        assertTrue(choice.has("a#passerelle-back-to-service"), choice.text());

        Page back = browser.click(choice, "a#passerelle-back-to-service");

        assertTrue(back.isClientRedirect(), back.uri() + "\n" + back.text());
        assertTrue(back.uri().toString().startsWith(ServiceProvider.REDIRECT_URI), back.uri().toString());
        assertEquals("access_denied", back.params().get("error"));
        assertEquals(authorization.state(), back.params().get("state"));
    }
}
