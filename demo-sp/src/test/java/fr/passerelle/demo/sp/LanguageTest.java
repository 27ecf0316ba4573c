package fr.passerelle.demo.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void frenchByDefault() {
        assertEquals(Language.FR, Language.choose(null, null, null));
        assertEquals(Language.FR, Language.choose(null, null, "de-DE,de;q=0.9"));
    }

    @Test
    void theBrowsersFirstLanguageTheSiteSpeaksWins() {
        assertEquals(Language.EN, Language.choose(null, null, "en-GB,en;q=0.9,fr;q=0.8"));
        assertEquals(Language.EN, Language.choose(null, null, "de;q=0.9,en;q=0.5"));
        assertEquals(Language.FR, Language.choose(null, null, "fr-FR,en;q=0.5"));
    }

    @Test
    void anExplicitChoiceBeatsTheCookieWhichBeatsTheBrowser() {
        assertEquals(Language.EN, Language.choose("en", "fr", "fr"));
        assertEquals(Language.FR, Language.choose(null, "fr", "en"));
        assertEquals(Language.FR, Language.choose("xx", "fr", "en"));
    }

    @Test
    void aMalformedHeaderSaysNothing() {
        assertEquals(Language.FR, Language.choose(null, null, ";;;q=abc"));
    }
}
