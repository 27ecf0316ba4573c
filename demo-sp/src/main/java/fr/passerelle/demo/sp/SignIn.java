package fr.passerelle.demo.sp;

import java.util.List;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * A sign-in the SP started and has not finished: what it must check when the browser comes back.
 *
 * @param state      binds the answer to this browser's request
 * @param nonce      binds the ID token to this request
 * @param verifier   PKCE: only the one who started the request can redeem its code
 * @param level      the eIDAS level asked for ({@code acr_values})
 * @param dataScopes the data scopes asked for
 */
public record SignIn(State state, Nonce nonce, CodeVerifier verifier, String level, List<String> dataScopes) {

    public SignIn {
        dataScopes = List.copyOf(dataScopes);
    }

    public static SignIn start(String level, List<String> dataScopes) {
        return new SignIn(new State(), new Nonce(), new CodeVerifier(), level, dataScopes);
    }
}
