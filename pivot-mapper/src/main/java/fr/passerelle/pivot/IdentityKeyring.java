package fr.passerelle.pivot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The identity-key secrets a platform holds: the current version, which every login computes the key with, and the
 * earlier versions it keeps to recognise accounts that were given their key before a rotation. The keys a person
 * may have been known by, newest first, end with the unkeyed digest that was the identity key before keys were
 * keyed: an account still holding one of those is the person's, and moves to the current key.
 */
public record IdentityKeyring(VersionedSecret current, List<VersionedSecret> earlier) {

    public IdentityKeyring {
        Objects.requireNonNull(current, "current");
        earlier = List.copyOf(earlier);
        for (VersionedSecret secret : earlier) {
            if (secret.number() >= current.number()) {
                throw new IllegalArgumentException("an earlier identity-key secret must have a lower version than " + current.version());
            }
        }
        earlier = earlier.stream().sorted(Comparator.comparingInt((VersionedSecret secret) -> secret.number()).reversed()).toList();
    }

    public IdentityKey key(PivotIdentity identity) {
        return IdentityKey.of(current, identity);
    }

    /** The keys this person's account may still hold from before: earlier versions newest first, then the unkeyed one. */
    public List<IdentityKey> formerKeys(PivotIdentity identity) {
        List<IdentityKey> keys = new ArrayList<>();
        for (VersionedSecret secret : earlier) {
            keys.add(IdentityKey.of(secret, identity));
        }
        keys.add(SubjectKey.of(identity).asUnkeyedIdentityKey());
        return List.copyOf(keys);
    }

    public String version() {
        return current.version();
    }
}
