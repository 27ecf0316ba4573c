package fr.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Changes what a demo IdP says about one of its users, through the admin API, and puts it back. */
final class DemoIdpUsers {

    private DemoIdpUsers() {
    }

    /** A change to undo with {@link AutoCloseable#close()}, in a try-with-resources block. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Sets (or, with a null value, removes) one attribute of a demo IdP user.
     *
     * @return what puts the user back as it was
     */
    static Restore setAttribute(PasserelleServer server, String realm, String username, String attribute, String value) {
        JsonNode original = user(server, realm, username);
        ObjectNode changed = original.deepCopy();
        ObjectNode attributes = changed.has("attributes") ? (ObjectNode) changed.get("attributes") : changed.putObject("attributes");
        if (value == null) {
            attributes.remove(attribute);
        } else {
            attributes.putArray(attribute).add(value);
        }
        String path = "/admin/realms/" + realm + "/users/" + original.get("id").asText();
        server.admin().put(path, changed);
        return () -> server.admin().put(path, original);
    }

    private static JsonNode user(PasserelleServer server, String realm, String username) {
        JsonNode users = server.admin().get("/admin/realms/" + realm + "/users?exact=true&briefRepresentation=false&username=" + username);
        if (users.isEmpty()) {
            throw new IllegalStateException("No user " + username + " in realm " + realm);
        }
        return users.get(0);
    }
}
